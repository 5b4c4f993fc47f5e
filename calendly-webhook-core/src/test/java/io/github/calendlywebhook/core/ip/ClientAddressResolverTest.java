package io.github.calendlywebhook.core.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressResolverTest {

    private static final String PROXY = "10.0.0.5";
    private final ClientAddressResolver resolver = ClientAddressResolver.trusting(List.of("10.0.0.0/8", "::1/128"));

    private static InetAddress ip(String literal) {
        return ClientAddressResolver.parseLiteral(literal).orElseThrow();
    }

    private InetAddress viaProxy(List<String> xff, List<String> forwarded) {
        return resolver.resolve(PROXY, xff, forwarded);
    }

    @Test
    void returnsThePeerWhenNoProxyIsTrusted() {
        ClientAddressResolver none = ClientAddressResolver.trusting(List.of());

        assertThat(none.resolve("10.0.0.5", List.of("52.1.2.3"), List.of("for=52.1.2.3"))).isEqualTo(ip("10.0.0.5"));
    }

    @Test
    void ignoresForwardingHeadersFromAnUntrustedPeer() {
        InetAddress client = resolver.resolve("198.51.100.9", List.of("52.1.2.3"), List.of("for=52.1.2.3"));

        assertThat(client).isEqualTo(ip("198.51.100.9"));
    }

    @Test
    void readsTheClientFromXForwardedForOfATrustedProxy() {
        assertThat(viaProxy(List.of("52.1.2.3"), List.of())).isEqualTo(ip("52.1.2.3"));
    }

    @Test
    void returnsThePeerWhenATrustedProxySendsNoHeader() {
        assertThat(viaProxy(List.of(), List.of())).isEqualTo(ip(PROXY));
    }

    @Test
    void ignoresAddressesTheClientPrependedToXForwardedFor() {
        // the client sent "X-Forwarded-For: 52.1.2.3"; the proxy appended the real address
        assertThat(viaProxy(List.of("52.1.2.3, 198.51.100.9"), List.of())).isEqualTo(ip("198.51.100.9"));
    }

    @Test
    void skipsTrustedProxiesFromTheRight() {
        assertThat(viaProxy(List.of("52.9.9.9, 52.1.2.3, 10.1.1.1, 10.2.2.2"), List.of())).isEqualTo(ip("52.1.2.3"));
    }

    @Test
    void joinsSeveralXForwardedForLinesInOrder() {
        assertThat(viaProxy(List.of("52.9.9.9, 52.1.2.3", "10.1.1.1"), List.of())).isEqualTo(ip("52.1.2.3"));
    }

    @Test
    void returnsTheLeftmostHopWhenEveryHopIsTrusted() {
        assertThat(viaProxy(List.of("10.3.3.3, 10.1.1.1"), List.of())).isEqualTo(ip("10.3.3.3"));
    }

    @Test
    void refusesAMalformedHopInsteadOfReturningTheLastTrustedHop() {
        // a spoofed allowed address to the left of garbage never becomes the client, nor does the proxy
        assertRefused(List.of("52.1.2.3, not-an-ip, 10.1.1.1"), List.of(), "X-Forwarded-For");
    }

    @Test
    void refusesAnUnknownHopInsteadOfReturningTheProxy() {
        assertRefused(List.of("52.1.2.3, unknown"), List.of(), "X-Forwarded-For");
    }

    @Test
    void ignoresUnreadableHopsLeftOfTheClientBecauseTheyAreNeverRead() {
        assertThat(viaProxy(List.of("garbage, unknown, 52.1.2.3"), List.of())).isEqualTo(ip("52.1.2.3"));
    }

    @Test
    void skipsEmptyListElements() {
        assertThat(viaProxy(List.of("52.1.2.3, ,10.1.1.1,"), List.of())).isEqualTo(ip("52.1.2.3"));
    }

    @Test
    void acceptsPortsInXForwardedFor() {
        assertThat(viaProxy(List.of("52.1.2.3:4711"), List.of())).isEqualTo(ip("52.1.2.3"));
        assertThat(viaProxy(List.of("[2001:db8::1]:4711"), List.of())).isEqualTo(ip("2001:db8::1"));
    }

    @Test
    void readsQuotedBracketedIpv6WithPortFromForwarded() {
        assertThat(viaProxy(List.of(), List.of("for=\"[2001:db8:cafe::17]:4711\""))).isEqualTo(ip("2001:db8:cafe::17"));
    }

    @Test
    void readsForwardedRightToLeftAcrossElementsAndLines() {
        List<String> forwarded = List.of("for=52.9.9.9;proto=https, For=\"52.1.2.3:80\"", "for=10.1.1.1;by=10.0.0.5");

        assertThat(viaProxy(List.of(), forwarded)).isEqualTo(ip("52.1.2.3"));
    }

    @Test
    void ignoresSeparatorsInsideQuotedForwardedValues() {
        List<String> forwarded = List.of("for=52.1.2.3;host=\"a,b;c\"");

        assertThat(viaProxy(List.of(), forwarded)).isEqualTo(ip("52.1.2.3"));
    }

    @Test
    void refusesAnObfuscatedForwardedIdentifier() {
        assertRefused(List.of(), List.of("for=52.1.2.3, for=_hidden, for=10.1.1.1"), "Forwarded");
    }

    @Test
    void refusesAForwardedElementWithoutFor() {
        assertRefused(List.of(), List.of("for=52.1.2.3, proto=https"), "Forwarded");
    }

    @Test
    void refusesAnUnterminatedQuote() {
        assertRefused(List.of(), List.of("for=\"52.1.2.3"), "Forwarded");
    }

    @Test
    void fallsBackToXForwardedForWhenForwardedNamesNoAddress() {
        assertThat(viaProxy(List.of("52.1.2.3"), List.of("proto=https;host=example.org"))).isEqualTo(ip("52.1.2.3"));
    }

    @Test
    void usesForwardedWhenBothHeadersAgree() {
        assertThat(viaProxy(List.of("52.1.2.3"), List.of("for=52.1.2.3"))).isEqualTo(ip("52.1.2.3"));
    }

    @Test
    void refusesForwardedAndXForwardedForThatDisagree() {
        // a proxy that writes only X-Forwarded-For passes a client's forged Forwarded header through
        assertRefused(List.of("198.51.100.9"), List.of("for=52.1.2.3"), "name different clients");
    }

    @Test
    void refusesAReadableHeaderBesideAnUnreadableOne() {
        assertRefused(List.of("52.1.2.3"), List.of("for=unknown"), "Forwarded");
    }

    @Test
    void namesNoHeaderValueInTheRefusal() {
        assertThatThrownBy(() -> viaProxy(List.of("secret-looking-value"), List.of()))
                .isInstanceOf(InvalidForwardingHeadersException.class)
                .hasMessageNotContaining("secret-looking-value")
                .satisfies(e -> assertThat(((InvalidForwardingHeadersException) e).code())
                        .isEqualTo("forwarding_headers_invalid"));
    }

    private void assertRefused(List<String> xff, List<String> forwarded, String reason) {
        assertThatThrownBy(() -> viaProxy(xff, forwarded))
                .isInstanceOf(InvalidForwardingHeadersException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void normalizesIpv4MappedClientAddresses() {
        assertThat(viaProxy(List.of("::ffff:52.1.2.3"), List.of())).isEqualTo(ip("52.1.2.3"));
        assertThat(resolver.resolve("::ffff:198.51.100.9", List.of(), List.of())).isEqualTo(ip("198.51.100.9"));
    }

    @Test
    void trustsAnIpv4MappedPeerLikeItsIpv4Form() {
        assertThat(resolver.resolve("::ffff:10.0.0.5", List.of("52.1.2.3"), List.of())).isEqualTo(ip("52.1.2.3"));
    }

    @Test
    void acceptsBracketedAndZonedPeerAddresses() {
        assertThat(resolver.resolve("[::1]", List.of("2001:db8::1"), List.of())).isEqualTo(ip("2001:db8::1"));
        assertThat(resolver.resolve("fe80::1%eth0", List.of(), List.of())).isEqualTo(ip("fe80::1"));
    }

    @Test
    void rejectsAPeerThatIsNotAnAddress() {
        assertThatThrownBy(() -> resolver.resolve("proxy.local", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("proxy.local");
    }

    @Test
    void rejectsHostNamesAmongTrustedProxiesNamingTheEntry() {
        assertThatThrownBy(() -> ClientAddressResolver.trusting(List.of("127.0.0.1", "nginx")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nginx'");
    }
}
