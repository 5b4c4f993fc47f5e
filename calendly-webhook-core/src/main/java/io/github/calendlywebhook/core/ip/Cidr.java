package io.github.calendlywebhook.core.ip;

/**
 * A network in the 128-bit space of {@link Ip128}; an IPv4 block {@code a.b.c.d/n} is stored as
 * {@code ::ffff:a.b.c.d/(96+n)}. {@link #parse(String)} refuses entries whose meaning would be a guess:
 * host bits set (as in {@code 10.0.0.1/8}), and IPv4-mapped entries with a prefix below /96 (as in
 * {@code ::ffff:52.0.0.0/8}, which would cover {@code ::/8} and so every IPv4 address).
 *
 * @param network the network address, host bits cleared
 * @param prefix the prefix length in the 128-bit space, 0 to 128
 */
record Cidr(Ip128 network, int prefix) {

    private static final int IPV4_OFFSET = 96;

    Cidr {
        if (prefix < 0 || prefix > 128) {
            throw new IllegalArgumentException("prefix out of range: " + prefix);
        }
        network = new Ip128(network.high() & maskHigh(prefix), network.low() & maskLow(prefix));
    }

    /**
     * Parses {@code address} or {@code address/prefix}, IPv4 or IPv6, never resolving names.
     *
     * @throws IllegalArgumentException naming the entry, and the form to write instead, when it is not
     *     such a literal, has host bits set, or is an IPv4-mapped block with a prefix below /96
     */
    static Cidr parse(String entry) {
        String text = entry.trim();
        int slash = text.indexOf('/');
        String addressText = slash < 0 ? text : text.substring(0, slash);
        byte[] address = IpLiterals.parse(addressText);
        if (address == null) {
            throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR block"
                    + " (host names are not accepted; use addresses such as 52.0.0.0/8 or 2001:db8::/32)");
        }
        int maxPrefix = address.length == 4 ? 32 : 128;
        int prefix = slash < 0 ? maxPrefix : parsePrefix(entry, text.substring(slash + 1), maxPrefix);
        Ip128 ip = Ip128.of(address);
        if (address.length == 16 && ip.isV4() && prefix < IPV4_OFFSET) {
            throw new IllegalArgumentException("'" + entry + "' is an IPv4-mapped address with a prefix below /96,"
                    + " so it would cover IPv6 space far beyond IPv4 (::/" + prefix + "); write the IPv4 block"
                    + " instead, for example " + ip.toInetAddress().getHostAddress() + "/" + prefix);
        }
        Cidr cidr = new Cidr(ip, address.length == 4 ? prefix + IPV4_OFFSET : prefix);
        if (!cidr.network.equals(ip)) {
            String single = address.length == 4 ? ip.toInetAddress().getHostAddress() + "/32" : addressText + "/128";
            throw new IllegalArgumentException("'" + entry + "' has host bits set after its prefix; write "
                    + cidr.inTheFormOf(address.length) + " for the network, or " + single + " for the single address");
        }
        return cidr;
    }

    private String inTheFormOf(int addressLength) {
        return addressLength == 16 && network.isV4() ? network.toIpv6Text() + "/" + prefix : toString();
    }

    private static int parsePrefix(String entry, String text, int maxPrefix) {
        boolean digits = !text.isEmpty() && text.length() <= 3 && text.chars().allMatch(c -> c >= '0' && c <= '9');
        int prefix = digits ? Integer.parseInt(text) : -1;
        if (prefix < 0 || prefix > maxPrefix) {
            throw new IllegalArgumentException("'" + entry + "' has a prefix length that is not between 0 and "
                    + maxPrefix);
        }
        return prefix;
    }

    boolean contains(Ip128 address) {
        return (address.high() & maskHigh(prefix)) == network.high() && (address.low() & maskLow(prefix)) == network.low();
    }

    private static long maskHigh(int prefix) {
        return prefix == 0 ? 0L : prefix >= 64 ? -1L : -1L << (64 - prefix);
    }

    private static long maskLow(int prefix) {
        return prefix <= 64 ? 0L : prefix == 128 ? -1L : -1L << (128 - prefix);
    }

    @Override
    public String toString() {
        if (network.isV4() && prefix >= IPV4_OFFSET) {
            return network.toInetAddress().getHostAddress() + "/" + (prefix - IPV4_OFFSET);
        }
        return network.toIpv6Text() + "/" + prefix;
    }
}
