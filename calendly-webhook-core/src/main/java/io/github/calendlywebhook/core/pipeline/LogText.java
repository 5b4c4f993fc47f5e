package io.github.calendlywebhook.core.pipeline;

import org.jspecify.annotations.Nullable;

/** Makes untrusted text safe for one log line: no control characters, bounded length. */
final class LogText {

    private static final int MAX = 300;
    private static final int MAX_TIMESTAMP = 20;

    private LogText() {
    }

    static String clean(@Nullable String text) {
        if (text == null) {
            return "-";
        }
        if (text.length() <= MAX && isClean(text)) {
            return text;
        }
        String bounded = text.length() > MAX ? text.substring(0, MAX) + "..." : text;
        StringBuilder out = new StringBuilder(bounded.length());
        for (int i = 0; i < bounded.length(); i++) {
            char c = bounded.charAt(i);
            out.append(isUnsafe(c) ? '?' : c);
        }
        return out.toString();
    }

    private static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isUnsafe(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUnsafe(char c) {
        return Character.isISOControl(c) || c == 0x2028 || c == 0x2029;
    }

    /** Returns only the {@code t=} part of a signature header, digits only, or {@code null}. */
    static @Nullable String signatureTimestamp(@Nullable String header) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(",", 8)) {
            String p = part.trim();
            if (p.startsWith("t=")) {
                String digits = p.substring(2);
                if (!digits.isEmpty() && digits.length() <= MAX_TIMESTAMP && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    return "t=" + digits;
                }
                return "t=<malformed>";
            }
        }
        return "t=<absent>";
    }
}
