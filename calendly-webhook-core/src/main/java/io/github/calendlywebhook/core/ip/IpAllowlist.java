package io.github.calendlywebhook.core.ip;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * The networks allowed to deliver webhooks. Entries are IPv4 or IPv6 CIDR blocks or single addresses
 * (a single address is a {@code /32} or {@code /128} block). IPv4-mapped IPv6 addresses
 * ({@code ::ffff:1.2.3.4}) are the same as their IPv4 form, in entries and in checked addresses; zone
 * ids ({@code fe80::1%eth0}) are dropped. A block with host bits set ({@code 10.0.0.1/8}) and an IPv4-mapped
 * block with a prefix below /96 ({@code ::ffff:52.0.0.0/8}, which would mean {@code ::/8}) are refused
 * with a message suggesting the intended form, as are host names, which are never resolved. An empty
 * allowlist allows every address. Immutable and thread-safe.
 */
public final class IpAllowlist {

    private static final IpAllowlist ALLOW_ALL = new IpAllowlist(Networks.none());

    private final Networks networks;

    private IpAllowlist(Networks networks) {
        this.networks = networks;
    }

    /**
     * Parses allowlist entries. Each entry may also be a comma-separated list, as in the
     * {@code ALLOWED_IPS} environment variable; blank entries are ignored.
     *
     * @param entries CIDR blocks or single addresses, for example {@code 52.0.0.0/8} or {@code 2001:db8::/32}
     * @return the allowlist; empty when there are no entries
     * @throws IllegalArgumentException naming the entry that is not an address or CIDR block, whose prefix
     *     length is out of range, that has host bits set, or that is an IPv4-mapped block below /96
     */
    public static IpAllowlist parse(List<String> entries) {
        Objects.requireNonNull(entries, "entries");
        Networks networks = Networks.parse(entries);
        return networks.isEmpty() ? ALLOW_ALL : new IpAllowlist(networks);
    }

    /**
     * Returns the empty allowlist, which allows every address.
     *
     * @return the allowlist that allows everyone
     */
    public static IpAllowlist allowAll() {
        return ALLOW_ALL;
    }

    /**
     * Returns whether the address may deliver webhooks.
     *
     * @param address the client address
     * @return {@code true} when the allowlist is empty or a block contains the address
     */
    public boolean allows(InetAddress address) {
        return networks.isEmpty() || networks.contains(Ip128.of(address));
    }

    /**
     * Returns whether the allowlist has no entries, and so allows every address.
     *
     * @return {@code true} when there are no entries
     */
    public boolean isEmpty() {
        return networks.isEmpty();
    }

    @Override
    public String toString() {
        return "IpAllowlist" + networks;
    }
}
