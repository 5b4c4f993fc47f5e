package io.github.calendlywebhook.core.ip;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** An immutable list of networks, parsed from configuration entries. */
final class Networks {

    private final List<Cidr> cidrs;

    private Networks(List<Cidr> cidrs) {
        this.cidrs = List.copyOf(cidrs);
    }

    /**
     * Parses entries; each may itself be a comma-separated list (as in {@code ALLOWED_IPS}); blank
     * entries are ignored.
     *
     * @throws IllegalArgumentException naming the first entry that is not an address or CIDR block, has host
     *     bits set, or is an IPv4-mapped block below /96
     */
    static Networks parse(List<String> entries) {
        List<Cidr> cidrs = new ArrayList<>();
        for (String entry : entries) {
            for (String part : entry.split(",", -1)) {
                if (!part.isBlank()) {
                    cidrs.add(Cidr.parse(part.trim()));
                }
            }
        }
        return new Networks(cidrs);
    }

    static Networks none() {
        return new Networks(List.of());
    }

    boolean isEmpty() {
        return cidrs.isEmpty();
    }

    boolean contains(Ip128 address) {
        for (Cidr cidr : cidrs) {
            if (cidr.contains(address)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return cidrs.stream().map(Cidr::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
