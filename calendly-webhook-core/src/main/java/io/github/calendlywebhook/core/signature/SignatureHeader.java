package io.github.calendlywebhook.core.signature;

import io.github.calendlywebhook.core.signature.SignatureVerificationException.Reason;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.jspecify.annotations.Nullable;

/**
 * A parsed {@code t=<unix seconds>,v1=<hex>} header value. Parsing is tolerant about layout (whitespace
 * around parts, empty parts, unknown keys, several {@code v1} entries) and strict about content: one
 * timestamp of ASCII digits that fits a {@code long}, and signatures of exactly 64 hex digits (either
 * case). Malformed {@code v1} entries are skipped; a header without any usable one is malformed.
 *
 * <p>Parts are separated by commas; a part is {@code key=value}, split at its first {@code =}, and key
 * and value are trimmed of characters up to U+0020 (as {@link String#trim()} does). Parts without
 * {@code =} are ignored. The header is read in place: no part, timestamp or signature is copied out of
 * it, and signatures are compared against a computed MAC by decoding their hex digits on the fly.
 *
 * @param value the header value
 * @param timestampStart where the timestamp text starts in {@code value}
 * @param timestampEnd where the timestamp text ends (exclusive); that text, exactly as sent, was signed
 * @param epochSecond the timestamp as a number
 * @param signatures how many well-formed {@code v1} entries the header has, at least one
 * @param first the first well-formed signature, decoded: four big-endian 64-bit words
 */
record SignatureHeader(String value, int timestampStart, int timestampEnd, long epochSecond, int signatures,
        FirstSignature first) {

    private static final int HEX_LENGTH = HmacSha256.LENGTH * 2;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** The value of each ASCII hex digit, either case; -1 for every other character below 128. */
    private static final byte[] HEX_VALUES = hexValues();

    /** The 32 bytes of a signature as four big-endian words. */
    record FirstSignature(long w0, long w1, long w2, long w3) {
    }

    /** Returns the timestamp text exactly as sent. */
    String timestamp() {
        return value.substring(timestampStart, timestampEnd);
    }

    static SignatureHeader parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new SignatureVerificationException(Reason.MISSING, "the signature header is missing");
        }
        int timestampStart = -1;
        int timestampEnd = -1;
        int signatures = 0;
        FirstSignature first = null;
        int length = value.length();
        for (int start = 0; start <= length; ) {
            int end = partEnd(value, start);
            int eq = indexOf(value, '=', start, end);
            if (eq >= 0) {
                int keyStart = trimStart(value, start, eq);
                int keyEnd = trimEnd(value, keyStart, eq);
                int textStart = trimStart(value, eq + 1, end);
                int textEnd = trimEnd(value, textStart, end);
                if (isT(value, keyStart, keyEnd)) {
                    if (timestampStart >= 0) {
                        throw malformed("the signature header has more than one timestamp");
                    }
                    timestampStart = textStart;
                    timestampEnd = textEnd;
                } else if (isV1(value, keyStart, keyEnd) && textEnd - textStart == HEX_LENGTH) {
                    if (first == null) {
                        first = decode(value, textStart);
                        signatures += first == null ? 0 : 1;
                    } else if (isHex(value, textStart, textEnd)) {
                        signatures++;
                    }
                }
            }
            start = end + 1;
        }
        if (timestampStart < 0) {
            throw malformed("the signature header has no timestamp");
        }
        long epochSecond = parseSeconds(value, timestampStart, timestampEnd);
        if (first == null) {
            throw malformed("the signature header has no v1 signature of 64 hex digits");
        }
        return new SignatureHeader(value, timestampStart, timestampEnd, epochSecond, signatures, first);
    }

    /**
     * Returns whether any well-formed {@code v1} entry equals the MAC. Every entry is compared in full,
     * and no comparison stops at the first differing digit, so the time taken reveals nothing about the MAC.
     *
     * @param mac the expected MAC, {@value HmacSha256#LENGTH} bytes
     */
    boolean matchesAny(byte[] mac) {
        if (signatures == 1) {
            long diff = ((long) LONGS.get(mac, 0) ^ first.w0()) | ((long) LONGS.get(mac, 8) ^ first.w1())
                    | ((long) LONGS.get(mac, 16) ^ first.w2()) | ((long) LONGS.get(mac, 24) ^ first.w3());
            return diff == 0;
        }
        boolean matched = false;
        int length = value.length();
        for (int start = 0; start <= length; ) {
            int end = partEnd(value, start);
            int eq = indexOf(value, '=', start, end);
            if (eq >= 0) {
                int keyStart = trimStart(value, start, eq);
                int keyEnd = trimEnd(value, keyStart, eq);
                int textStart = trimStart(value, eq + 1, end);
                int textEnd = trimEnd(value, textStart, end);
                if (isV1(value, keyStart, keyEnd) && isHex(value, textStart, textEnd)) {
                    matched |= equalsHex(mac, value, textStart);
                }
            }
            start = end + 1;
        }
        return matched;
    }

    /** Decodes 64 hex digits in one pass, or returns {@code null} when one is not a hex digit. */
    static @Nullable FirstSignature decode(String text, int from) {
        long w0 = 0;
        long w1 = 0;
        long w2 = 0;
        long w3 = 0;
        int bad = 0;
        for (int i = from; i < from + 16; i++) {
            int a = tableValue(text.charAt(i));
            int b = tableValue(text.charAt(i + 16));
            int c = tableValue(text.charAt(i + 32));
            int d = tableValue(text.charAt(i + 48));
            bad |= a | b | c | d;
            w0 = w0 << 4 | (a & 0x0f);
            w1 = w1 << 4 | (b & 0x0f);
            w2 = w2 << 4 | (c & 0x0f);
            w3 = w3 << 4 | (d & 0x0f);
        }
        return bad < 0 ? null : new FirstSignature(w0, w1, w2, w3);
    }

    /** Returns the value of a hex digit, or -1. */
    private static int tableValue(char c) {
        return c < HEX_VALUES.length ? HEX_VALUES[c] : -1;
    }

    private static byte[] hexValues() {
        byte[] values = new byte[128];
        java.util.Arrays.fill(values, (byte) -1);
        for (int c = '0'; c <= '9'; c++) {
            values[c] = (byte) (c - '0');
        }
        for (int c = 'a'; c <= 'f'; c++) {
            values[c] = (byte) (c - 'a' + 10);
            values[c - 'a' + 'A'] = (byte) (c - 'a' + 10);
        }
        return values;
    }

    /** Compares 32 bytes with 64 hex digits (already checked to be hex) without an early exit. */
    static boolean equalsHex(byte[] mac, String text, int from) {
        int diff = 0;
        for (int i = 0; i < HmacSha256.LENGTH; i++) {
            int hi = hexValue(text.charAt(from + 2 * i));
            int lo = hexValue(text.charAt(from + 2 * i + 1));
            diff |= (mac[i] & 0xff) ^ (hi << 4 | lo);
        }
        return diff == 0;
    }

    /** Returns the value of a hex digit; branch-free, so its time does not depend on the digit. */
    private static int hexValue(char c) {
        // digits: c & 0x0f; letters (either case): (c & 0x0f) + 9. Bit 6 is set for letters only.
        int letter = (c >>> 6) & 1;
        return (c & 0x0f) + (letter * 9);
    }

    private static int partEnd(String s, int from) {
        int comma = s.indexOf(',', from);
        return comma < 0 ? s.length() : comma;
    }

    private static int indexOf(String s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static int trimStart(String s, int from, int to) {
        while (from < to && s.charAt(from) <= ' ') {
            from++;
        }
        return from;
    }

    private static int trimEnd(String s, int from, int to) {
        while (to > from && s.charAt(to - 1) <= ' ') {
            to--;
        }
        return to;
    }

    private static boolean isT(String s, int from, int to) {
        return to - from == 1 && s.charAt(from) == 't';
    }

    private static boolean isV1(String s, int from, int to) {
        return to - from == 2 && s.charAt(from) == 'v' && s.charAt(from + 1) == '1';
    }

    private static long parseSeconds(String s, int from, int to) {
        if (from == to) {
            throw malformed("the signature timestamp is empty");
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw malformed("the signature timestamp is not a number of seconds");
            }
        }
        long result = 0;
        for (int i = from; i < to; i++) {
            int digit = s.charAt(i) - '0';
            if (result > (Long.MAX_VALUE - digit) / 10) {
                throw malformed("the signature timestamp is out of range");
            }
            result = result * 10 + digit;
        }
        return result;
    }

    private static boolean isHex(String s, int from, int to) {
        if (to - from != HEX_LENGTH) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (tableValue(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static SignatureVerificationException malformed(String message) {
        return new SignatureVerificationException(Reason.MALFORMED, message);
    }
}
