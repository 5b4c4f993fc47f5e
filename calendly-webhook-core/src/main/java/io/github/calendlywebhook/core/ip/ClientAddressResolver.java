package io.github.calendlywebhook.core.ip;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Finds the address of the client that sent a request, honouring forwarding headers only when the
 * connecting peer is a configured trusted proxy.
 *
 * <p>When the peer is not trusted (or no proxy is trusted) the headers are ignored entirely, so a
 * client cannot choose its own address. When the peer is trusted, the chain of hops is read from right
 * to left, skipping trusted proxies; the first untrusted address is the client. If every hop is trusted
 * the leftmost is the client.
 *
 * <p>Rules that keep a crafted header from producing an address the client does not own:
 * <ul>
 *   <li>A hop the walk has to read that cannot be read (garbage, {@code unknown}, an obfuscated
 *       identifier such as {@code _hidden}) refuses the request with
 *       {@link InvalidForwardingHeadersException}. Hops left of the first untrusted one are the client's
 *       own claims and are never read.</li>
 *   <li>{@code Forwarded} (RFC 7239) is read when it names a {@code for} address. If
 *       {@code X-Forwarded-For} is present too, both must resolve to the same client; otherwise the
 *       request is refused. A proxy that writes only one of the two headers passes the other through
 *       from the client unchanged, so a disagreement means one of them is forged.</li>
 * </ul>
 * Such a request is never attributed to the proxy's own address: a proxy on loopback would otherwise
 * pass an allowlist that admits loopback.
 * Ports, brackets and zone ids are removed; IPv4-mapped IPv6 addresses are returned as IPv4.
 * Immutable and thread-safe.
 */
public final class ClientAddressResolver {

    private final Networks trustedProxies;

    private ClientAddressResolver(Networks trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    /**
     * Returns a resolver that trusts forwarding headers from the given proxies.
     *
     * @param trustedProxies CIDR blocks or single addresses; empty trusts no proxy
     * @return the resolver
     * @throws IllegalArgumentException naming the entry that is not an address or CIDR block
     */
    public static ClientAddressResolver trusting(List<String> trustedProxies) {
        return new ClientAddressResolver(Networks.parse(Objects.requireNonNull(trustedProxies, "trustedProxies")));
    }

    /**
     * Returns the client address of a request.
     *
     * @param remoteAddress the address of the connecting peer, as the server reports it
     * @param xForwardedFor every {@code X-Forwarded-For} header value, in order
     * @param forwarded every {@code Forwarded} header value, in order
     * @return the client address
     * @throws IllegalArgumentException when the remote address is not an IP address literal
     * @throws InvalidForwardingHeadersException when the peer is a trusted proxy and its forwarding
     *     headers disagree or a hop that has to be read cannot be read
     */
    public InetAddress resolve(String remoteAddress, List<String> xForwardedFor, List<String> forwarded) {
        Ip128 peer = parse(remoteAddress)
                .orElseThrow(() -> new IllegalArgumentException("'" + remoteAddress + "' is not an IP address"));
        if (!trustedProxies.contains(peer)) {
            return peer.toInetAddress();
        }
        List<@Nullable Ip128> forwardedHops = ForwardingHeaders.forwarded(forwarded);
        List<@Nullable Ip128> xffHops = ForwardingHeaders.xForwardedFor(xForwardedFor);
        Ip128 client;
        if (!forwardedHops.isEmpty() && !xffHops.isEmpty()) {
            client = walk(peer, forwardedHops, "Forwarded");
            if (!client.equals(walk(peer, xffHops, "X-Forwarded-For"))) {
                throw new InvalidForwardingHeadersException(
                        "the Forwarded and X-Forwarded-For headers of a trusted proxy name different clients");
            }
        } else if (!forwardedHops.isEmpty()) {
            client = walk(peer, forwardedHops, "Forwarded");
        } else {
            client = walk(peer, xffHops, "X-Forwarded-For");
        }
        return client.toInetAddress();
    }

    private Ip128 walk(Ip128 peer, List<@Nullable Ip128> hops, String header) {
        Ip128 lastTrusted = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Ip128 hop = hops.get(i);
            if (hop == null) {
                throw new InvalidForwardingHeadersException(
                        "the " + header + " header of a trusted proxy has a hop that is not an IP address");
            }
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
            lastTrusted = hop;
        }
        return lastTrusted;
    }

    /**
     * Parses an IP address literal, never consulting DNS. Accepts dotted IPv4 (no leading zeros), IPv6
     * text forms, optionally in brackets and with a zone id (dropped). IPv4-mapped IPv6 is returned as
     * IPv4.
     *
     * @param text the literal
     * @return the address, or empty when the text is not an IP address literal
     */
    public static Optional<InetAddress> parseLiteral(String text) {
        return parse(text).map(Ip128::toInetAddress);
    }

    private static Optional<Ip128> parse(String text) {
        byte[] bytes = IpLiterals.parse(text.trim());
        return bytes == null ? Optional.empty() : Optional.of(Ip128.of(bytes));
    }

    @Override
    public String toString() {
        return "ClientAddressResolver[trustedProxies=" + trustedProxies + "]";
    }
}
