package io.github.calendlywebhook.core.ip;

import java.net.InetAddress;

/**
 * The one notion of "which client is this" that every limiter and the audit aggregation share: an IPv4
 * address stands for itself, an IPv6 address for its network of the configured prefix length (a /64 by
 * default, the block one subscriber is normally given). Without it, the holder of one IPv6 /64 would get
 * 2^64 fresh rate-limit buckets and could write a new audit row per address.
 *
 * <p>IPv4-mapped IPv6 addresses are keyed as IPv4. Immutable and thread-safe.
 */
public final class ClientKeys {

    /** The default IPv6 prefix length: one /64 is one client. */
    public static final int DEFAULT_IPV6_PREFIX_LENGTH = 64;

    private static final ClientKeys DEFAULT = new ClientKeys(DEFAULT_IPV6_PREFIX_LENGTH);

    private final int ipv6PrefixLength;

    private ClientKeys(int ipv6PrefixLength) {
        this.ipv6PrefixLength = ipv6PrefixLength;
    }

    /**
     * Returns the keys with IPv6 clients grouped by a /64.
     *
     * @return the default keys
     */
    public static ClientKeys ofDefaults() {
        return DEFAULT;
    }

    /**
     * Returns the keys with IPv6 clients grouped by the given prefix length.
     *
     * @param ipv6PrefixLength from 1 to 128; 128 keys every IPv6 address on its own
     * @return the keys
     * @throws IllegalArgumentException when the length is out of range
     */
    public static ClientKeys ipv6PrefixLength(int ipv6PrefixLength) {
        if (ipv6PrefixLength < 1 || ipv6PrefixLength > 128) {
            throw new IllegalArgumentException("the IPv6 prefix length of a client key must be between 1 and 128, not "
                    + ipv6PrefixLength);
        }
        return ipv6PrefixLength == DEFAULT_IPV6_PREFIX_LENGTH ? DEFAULT : new ClientKeys(ipv6PrefixLength);
    }

    /**
     * Returns the IPv6 prefix length that groups IPv6 clients.
     *
     * @return from 1 to 128
     */
    public int ipv6PrefixLength() {
        return ipv6PrefixLength;
    }

    /**
     * Returns the key of an address: the IPv4 text form ({@code 203.0.113.7}), or the IPv6 network in CIDR
     * form ({@code 2001:db8:1:2:0:0:0:0/64}).
     *
     * @param address the client address
     * @return the key
     */
    public String of(InetAddress address) {
        Ip128 ip = Ip128.of(address);
        if (ip.isV4()) {
            return address.getAddress().length == 4 ? address.getHostAddress() : ip.toInetAddress().getHostAddress();
        }
        return new Cidr(ip, ipv6PrefixLength).toString();
    }

    /**
     * Returns the key of an address literal, or the text itself when it is not an IP address literal (a
     * Unix socket peer, for example), so that every distinct peer still has a key.
     *
     * @param addressLiteral the client address as text
     * @return the key
     */
    public String of(String addressLiteral) {
        byte[] bytes = IpLiterals.parse(addressLiteral.trim());
        return bytes == null ? addressLiteral : of(Ip128.of(bytes).toInetAddress());
    }

    @Override
    public String toString() {
        return "ClientKeys[ipv4=/32, ipv6=/" + ipv6PrefixLength + "]";
    }
}
