package io.github.calendlywebhook.core.event;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Checks bodies for well-formed UTF-8 in place, without decoding them. It accepts exactly the byte
 * sequences the JDK's UTF-8 decoder accepts when it reports malformed input: no overlong forms, no
 * encoded surrogates, nothing above U+10FFFF, no truncated sequence.
 */
final class Utf8 {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

    private Utf8() {
    }

    /** Returns whether every byte is ASCII (below 0x80). */
    static boolean isAscii(byte[] bytes) {
        int i = 0;
        long seen = 0;
        for (int end = bytes.length - Long.BYTES; i <= end; i += Long.BYTES) {
            seen |= (long) LONGS.get(bytes, i);
        }
        for (; i < bytes.length; i++) {
            seen |= bytes[i];
        }
        return (seen & HIGH_BITS) == 0;
    }

    /** Returns whether the bytes are well-formed UTF-8. */
    static boolean isValid(byte[] bytes) {
        int i = 0;
        int n = bytes.length;
        while (i < n) {
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            b &= 0xff;
            if (b < 0xc2) {
                return false; // continuation byte without a lead, or an overlong two-byte form
            }
            if (b < 0xe0) {
                if (i + 1 >= n || !isContinuation(bytes[i + 1])) {
                    return false;
                }
                i += 2;
            } else if (b < 0xf0) {
                if (i + 2 >= n) {
                    return false;
                }
                int b1 = bytes[i + 1] & 0xff;
                int min = b == 0xe0 ? 0xa0 : 0x80; // 0xe0 0x80..0x9f would be overlong
                int max = b == 0xed ? 0x9f : 0xbf; // 0xed 0xa0..0xbf would encode a surrogate
                if (b1 < min || b1 > max || !isContinuation(bytes[i + 2])) {
                    return false;
                }
                i += 3;
            } else if (b < 0xf5) {
                if (i + 3 >= n) {
                    return false;
                }
                int b1 = bytes[i + 1] & 0xff;
                int min = b == 0xf0 ? 0x90 : 0x80; // 0xf0 0x80..0x8f would be overlong
                int max = b == 0xf4 ? 0x8f : 0xbf; // 0xf4 0x90.. would exceed U+10FFFF
                if (b1 < min || b1 > max || !isContinuation(bytes[i + 2]) || !isContinuation(bytes[i + 3])) {
                    return false;
                }
                i += 4;
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xc0) == 0x80;
    }
}
