package io.github.calendlywebhook.core.ip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads the hops of {@code X-Forwarded-For} and {@code Forwarded} (RFC 7239), in order, left (the
 * original client) to right (the nearest proxy). Several header lines are one list, joined in order.
 * Empty list elements are skipped, as HTTP list syntax requires. A hop whose address cannot be read
 * (garbage, {@code unknown}, an obfuscated identifier such as {@code _hidden}) is {@code null}.
 */
final class ForwardingHeaders {

    private ForwardingHeaders() {
    }

    static List<@Nullable Ip128> xForwardedFor(List<String> values) {
        List<@Nullable Ip128> hops = new ArrayList<>();
        for (String value : values) {
            for (String element : value.split(",", -1)) {
                if (!element.isBlank()) {
                    hops.add(node(element.trim()));
                }
            }
        }
        return hops;
    }

    /**
     * Returns the {@code for} hops of the Forwarded header; empty when no element has a {@code for}
     * parameter. An element without {@code for}, or with two, is an unreadable hop; a header with an
     * unterminated quoted string is a single unreadable hop.
     */
    static List<@Nullable Ip128> forwarded(List<String> values) {
        List<@Nullable Ip128> hops = new ArrayList<>();
        boolean anyFor = false;
        for (String value : values) {
            List<String> elements = splitOutsideQuotes(value, ',');
            if (elements == null) {
                hops.add(null);
                anyFor = true;
                continue;
            }
            for (String element : elements) {
                if (element.isBlank()) {
                    continue;
                }
                List<String> forValues = forValues(element);
                anyFor |= !forValues.isEmpty();
                hops.add(forValues.size() == 1 ? node(forValues.get(0)) : null);
            }
        }
        return anyFor ? hops : List.of();
    }

    private static List<String> forValues(String element) {
        List<String> found = new ArrayList<>(1);
        List<String> pairs = splitOutsideQuotes(element, ';');
        for (String pair : pairs == null ? List.<String>of() : pairs) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("for")) {
                found.add(unquote(pair.substring(eq + 1).trim()));
            }
        }
        return found;
    }

    /** Splits at {@code separator} outside double quotes; {@code null} when a quote is unterminated. */
    private static @Nullable List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == separator) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (quoted) {
            return null;
        }
        parts.add(text.substring(Math.min(start, text.length())));
        return parts;
    }

    private static String unquote(String value) {
        if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() - 1) {
                c = value.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * Reads one node: {@code 1.2.3.4}, {@code 1.2.3.4:port}, {@code [v6]}, {@code [v6]:port}, or an
     * unbracketed IPv6 literal; {@code null} for anything else.
     */
    static @Nullable Ip128 node(String text) {
        String address = text;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || !isPortSuffix(text.substring(close + 1))) {
                return null;
            }
            address = text.substring(0, close + 1);
        } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            int colon = text.indexOf(':');
            if (!isPortSuffix(text.substring(colon))) {
                return null;
            }
            address = text.substring(0, colon);
        }
        byte[] bytes = IpLiterals.parse(address);
        return bytes == null ? null : Ip128.of(bytes);
    }

    /** Returns whether the text is empty or {@code :} followed by a port number or obfuscated port. */
    private static boolean isPortSuffix(String text) {
        if (text.isEmpty()) {
            return true;
        }
        if (text.length() < 2 || text.length() > 33 || text.charAt(0) != ':') {
            return false;
        }
        String port = text.substring(1);
        if (port.charAt(0) == '_') {
            return port.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '_'
                    || c == '-');
        }
        return port.length() <= 5 && port.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
