package io.github.calendlywebhook.core.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAllowlistTest {

    private static InetAddress ip(String literal) {
        return ClientAddressResolver.parseLiteral(literal).orElseThrow();
    }

    @Test
    void allowsAddressesInsideTheSeedNetworks() {
        IpAllowlist allowlist = IpAllowlist.parse(List.of("52.0.0.0/8", "54.0.0.0/8"));

        assertThat(allowlist.allows(ip("52.1.2.3"))).isTrue();
        assertThat(allowlist.allows(ip("54.255.255.255"))).isTrue();
    }

    @Test
    void refusesAddressesOutsideTheSeedNetworks() {
        IpAllowlist allowlist = IpAllowlist.parse(List.of("52.0.0.0/8", "54.0.0.0/8"));

        assertThat(allowlist.allows(ip("53.0.0.1"))).isFalse();
        assertThat(allowlist.allows(ip("51.255.255.255"))).isFalse();
    }

    @Test
    void splitsACommaSeparatedEntryAsInTheEnvironmentVariable() {
        IpAllowlist allowlist = IpAllowlist.parse(List.of("52.0.0.0/8, 54.0.0.0/8"));

        assertThat(allowlist.allows(ip("54.1.1.1"))).isTrue();
        assertThat(allowlist.allows(ip("55.1.1.1"))).isFalse();
    }

    @Test
    void treatsASingleIpv4AddressAsSlash32() {
        IpAllowlist allowlist = IpAllowlist.parse(List.of("203.0.113.7"));

        assertThat(allowlist.allows(ip("203.0.113.7"))).isTrue();
        assertThat(allowlist.allows(ip("203.0.113.8"))).isFalse();
    }

    @Test
    void treatsASingleIpv6AddressAsSlash128() {
        IpAllowlist allowlist = IpAllowlist.parse(List.of("2001:db8::7"));

        assertThat(allowlist.allows(ip("2001:db8::7"))).isTrue();
        assertThat(allowlist.allows(ip("2001:db8::8"))).isFalse();
    }

    @Test
    void matchesIpv6Blocks() {
        IpAllowlist allowlist = IpAllowlist.parse(List.of("2001:db8::/32"));

        assertThat(allowlist.allows(ip("2001:db8:ffff::1"))).isTrue();
        assertThat(allowlist.allows(ip("2001:db9::1"))).isFalse();
        assertThat(allowlist.allows(ip("32.1.13.184"))).isFalse();
    }

    @Test
    void refusesABlockWithHostBitsSetSuggestingTheNetworkAndTheSingleAddress() {
        assertThatThrownBy(() -> IpAllowlist.parse(List.of("52.0.0.0/8", "10.0.0.1/8")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'10.0.0.1/8'")
                .hasMessageContaining("host bits")
                .hasMessageContaining("10.0.0.0/8")
                .hasMessageContaining("10.0.0.1/32");
    }

    @Test
    void refusesAnIpv6BlockWithHostBitsSet() {
        assertThatThrownBy(() -> IpAllowlist.parse(List.of("2001:db8::1/32")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'2001:db8::1/32'")
                .hasMessageContaining("2001:db8:0:0:0:0:0:0/32");
    }

    @Test
    void refusesAnIpv4MappedBlockBelowSlash96SuggestingTheIpv4Form() {
        assertThatThrownBy(() -> IpAllowlist.parse(List.of("::ffff:52.0.0.0/8")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'::ffff:52.0.0.0/8'")
                .hasMessageContaining("below /96")
                .hasMessageContaining("52.0.0.0/8");
    }

    @Test
    void refusesAnIpv4MappedBlockWithHostBitsSetInItsIpv6Form() {
        assertThatThrownBy(() -> IpAllowlist.parse(List.of("::ffff:10.0.0.1/104")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host bits")
                .hasMessageContaining("0:0:0:0:0:ffff:a00:0/104");
    }

    @Test
    void refusesTheSameEntriesAsTrustedProxies() {
        assertThatThrownBy(() -> ClientAddressResolver.trusting(List.of("::ffff:127.0.0.0/8")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'::ffff:127.0.0.0/8'");
        assertThatThrownBy(() -> ClientAddressResolver.trusting(List.of("127.0.0.1/8")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'127.0.0.1/8'");
    }

    @Test
    void treatsIpv4MappedEntriesAsIpv4() {
        IpAllowlist allowlist = IpAllowlist.parse(List.of("::ffff:10.0.0.0/104"));

        assertThat(allowlist.allows(ip("10.9.8.7"))).isTrue();
        assertThat(allowlist.allows(ip("11.0.0.1"))).isFalse();
        assertThat(allowlist.toString()).contains("10.0.0.0/8");
    }

    @Test
    void matchesIpv4MappedAddressesAgainstIpv4Entries() throws Exception {
        IpAllowlist allowlist = IpAllowlist.parse(List.of("52.0.0.0/8"));
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 52, 1, 2, 3};

        assertThat(allowlist.allows(java.net.Inet6Address.getByAddress(null, mapped, -1))).isTrue();
    }

    @Test
    void dropsZoneIdsInEntries() {
        IpAllowlist allowlist = IpAllowlist.parse(List.of("fe80::%eth0/64"));

        assertThat(allowlist.allows(ip("fe80::1234"))).isTrue();
    }

    @Test
    void slashZeroIpv4AllowsEveryIpv4AddressButNoIpv6Address() {
        IpAllowlist allowlist = IpAllowlist.parse(List.of("0.0.0.0/0"));

        assertThat(allowlist.allows(ip("1.2.3.4"))).isTrue();
        assertThat(allowlist.allows(ip("2001:db8::1"))).isFalse();
    }

    @Test
    void emptyAllowlistAllowsEveryone() {
        IpAllowlist allowlist = IpAllowlist.parse(List.of());

        assertThat(allowlist.isEmpty()).isTrue();
        assertThat(allowlist.allows(ip("8.8.8.8"))).isTrue();
        assertThat(allowlist.allows(ip("2001:db8::1"))).isTrue();
    }

    @Test
    void blankEntriesAreIgnored() {
        IpAllowlist allowlist = IpAllowlist.parse(List.of(" ", "", " , "));

        assertThat(allowlist.isEmpty()).isTrue();
    }

    @Test
    void allowAllIsEmpty() {
        assertThat(IpAllowlist.allowAll().isEmpty()).isTrue();
        assertThat(IpAllowlist.allowAll().allows(ip("192.0.2.1"))).isTrue();
    }

    @Test
    void nonEmptyAllowlistIsNotEmpty() {
        assertThat(IpAllowlist.parse(List.of("192.0.2.0/24")).isEmpty()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"calendly.com", "localhost", "example.com/24", "my-proxy.internal"})
    void rejectsHostNamesNamingTheEntry(String entry) {
        assertThatThrownBy(() -> IpAllowlist.parse(List.of("52.0.0.0/8", entry)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + entry + "'")
                .hasMessageContaining("host names are not accepted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "2001:db8::/129", "10.0.0.0/-1", "10.0.0.0/", "10.0.0.0/8/8", "10.0.0.0/x",
        "10.0.0.0/+8", "10.0.0.0/0008"})
    void rejectsBadPrefixesNamingTheEntry(String entry) {
        assertThatThrownBy(() -> IpAllowlist.parse(List.of(entry)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + entry + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0", "999.0.0.0/8", "10.0.0.0.0", "*", "10.*.0.0", "1.2.3.4-1.2.3.9", "::g/64"})
    void rejectsGarbageNamingTheEntry(String entry) {
        assertThatThrownBy(() -> IpAllowlist.parse(List.of(entry)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + entry + "'");
    }
}
