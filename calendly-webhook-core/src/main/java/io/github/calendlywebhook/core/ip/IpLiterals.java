package io.github.calendlywebhook.core.ip;

import org.jspecify.annotations.Nullable;

/**
 * Parses IP address literals without ever consulting DNS. IPv4 must be four decimal parts without
 * leading zeros (so {@code 010.0.0.1} is not silently read as octal or decimal); IPv6 follows RFC 4291
 * text forms, optionally in brackets, optionally with a trailing dotted IPv4 part and a zone id, which is
 * dropped.
 */
final class IpLiterals {

    private static final int MAX_LENGTH = 100;

    private IpLiterals() {
    }

    /** Returns 4 bytes for IPv4 text, 16 bytes for IPv6 text (mapped or not), or {@code null}. */
    static byte @Nullable [] parse(String text) {
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            return null;
        }
        String s = text;
        if (s.charAt(0) == '[') {
            if (s.length() < 2 || s.charAt(s.length() - 1) != ']') {
                return null;
            }
            s = s.substring(1, s.length() - 1);
            if (s.indexOf(':') < 0) {
                return null;
            }
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            if (s.indexOf(':') < 0 || !isZoneId(s.substring(zone + 1))) {
                return null;
            }
            s = s.substring(0, zone);
        }
        return s.indexOf(':') >= 0 ? parseV6(s) : parseV4(s);
    }

    static byte @Nullable [] parseV4(String s) {
        byte[] out = new byte[4];
        int i = 0;
        for (int part = 0; part < 4; part++) {
            if (part > 0) {
                if (i >= s.length() || s.charAt(i) != '.') {
                    return null;
                }
                i++;
            }
            int start = i;
            int value = 0;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 3) {
                value = value * 10 + (s.charAt(i) - '0');
                i++;
            }
            int length = i - start;
            if (length == 0 || (length > 1 && s.charAt(start) == '0') || value > 255) {
                return null;
            }
            out[part] = (byte) value;
        }
        return i == s.length() ? out : null;
    }

    private static byte @Nullable [] parseV6(String s) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = new int[8];
        int[] tail = new int[8];
        int headCount = gap < 0 ? groups(s, true, head) : groups(s.substring(0, gap), false, head);
        int tailCount = gap < 0 ? 0 : groups(s.substring(gap + 2), true, tail);
        if (headCount < 0 || tailCount < 0) {
            return null;
        }
        int total = headCount + tailCount;
        if (gap < 0 ? total != 8 : total > 7) {
            return null;
        }
        byte[] out = new byte[16];
        for (int g = 0; g < headCount; g++) {
            put(out, g, head[g]);
        }
        for (int g = 0; g < tailCount; g++) {
            put(out, 8 - tailCount + g, tail[g]);
        }
        return out;
    }

    /** Parses colon-separated groups into {@code out}; returns how many 16-bit groups, or -1. */
    private static int groups(String part, boolean dottedTailAllowed, int[] out) {
        if (part.isEmpty()) {
            return 0;
        }
        String[] texts = part.split(":", -1);
        int count = 0;
        for (int t = 0; t < texts.length; t++) {
            String text = texts[t];
            if (t == texts.length - 1 && dottedTailAllowed && text.indexOf('.') >= 0) {
                byte[] v4 = parseV4(text);
                if (v4 == null || count > 6) {
                    return -1;
                }
                out[count++] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
                out[count++] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
                return count;
            }
            int value = hexGroup(text);
            if (value < 0 || count > 7) {
                return -1;
            }
            out[count++] = value;
        }
        return count;
    }

    private static int hexGroup(String text) {
        if (text.isEmpty() || text.length() > 4) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            int digit = hexDigit(text.charAt(i));
            if (digit < 0) {
                return -1;
            }
            value = (value << 4) | digit;
        }
        return value;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static void put(byte[] out, int group, int value) {
        out[group * 2] = (byte) (value >>> 8);
        out[group * 2 + 1] = (byte) value;
    }

    private static boolean isZoneId(String zone) {
        if (zone.isEmpty()) {
            return false;
        }
        for (int i = 0; i < zone.length(); i++) {
            char c = zone.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
