package io.github.calendlywebhook.core.ip;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An address in the 128-bit IPv6 space, with IPv4 addresses at their IPv4-mapped position
 * ({@code ::ffff:a.b.c.d}), so IPv4 and IPv4-mapped IPv6 are one and the same value.
 *
 * @param high the first 64 bits
 * @param low the last 64 bits
 */
record Ip128(long high, long low) {

    static final long MAPPED_HIGH = 0L;
    static final long MAPPED_LOW_PREFIX = 0x0000_ffff_0000_0000L;

    /** Returns the value of 4 (IPv4) or 16 (IPv6) address bytes. */
    static Ip128 of(byte[] address) {
        if (address.length == 4) {
            long v4 = ((address[0] & 0xffL) << 24) | ((address[1] & 0xffL) << 16) | ((address[2] & 0xffL) << 8)
                    | (address[3] & 0xffL);
            return new Ip128(MAPPED_HIGH, MAPPED_LOW_PREFIX | v4);
        }
        if (address.length != 16) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + address.length);
        }
        return new Ip128(longAt(address, 0), longAt(address, 8));
    }

    static Ip128 of(InetAddress address) {
        return of(address.getAddress());
    }

    /** Returns whether this is an IPv4 (or IPv4-mapped) address. */
    boolean isV4() {
        return high == MAPPED_HIGH && (low >>> 32) == 0xffffL;
    }

    /** Returns an {@code Inet4Address} for IPv4 and mapped values, an {@code Inet6Address} otherwise. */
    InetAddress toInetAddress() {
        try {
            return InetAddress.getByAddress(bytes());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are always a valid address", e);
        }
    }

    /** Returns the IPv6 text form, even for IPv4-mapped values. */
    String toIpv6Text() {
        try {
            return Inet6Address.getByAddress(null, bytes(), -1).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are always a valid address", e);
        }
    }

    private byte[] bytes() {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (high >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (low >>> (56 - 8 * i));
        }
        return bytes;
    }

    private static long longAt(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[offset + i] & 0xffL);
        }
        return value;
    }
}
