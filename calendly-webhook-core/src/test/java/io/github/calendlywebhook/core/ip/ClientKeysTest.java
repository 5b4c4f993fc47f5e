package io.github.calendlywebhook.core.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class ClientKeysTest {

    private static InetAddress ip(String literal) {
        return ClientAddressResolver.parseLiteral(literal).orElseThrow();
    }

    @Test
    void keysAnIpv4AddressByItself() {
        assertThat(ClientKeys.ofDefaults().of(ip("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(ClientKeys.ofDefaults().of(ip("203.0.113.8"))).isEqualTo("203.0.113.8");
    }

    @Test
    void keysAnIpv4MappedAddressAsIpv4() {
        assertThat(ClientKeys.ofDefaults().of("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void keysEveryAddressOfOneIpv6Slash64Alike() {
        ClientKeys keys = ClientKeys.ofDefaults();

        String first = keys.of(ip("2001:db8:1:2::1"));

        assertThat(keys.of(ip("2001:db8:1:2:ffff:ffff:ffff:ffff"))).isEqualTo(first);
        assertThat(first).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(keys.of(ip("2001:db8:1:3::1"))).isNotEqualTo(first);
    }

    @Test
    void takesAConfiguredIpv6PrefixLength() {
        ClientKeys perAddress = ClientKeys.ipv6PrefixLength(128);
        ClientKeys perSlash48 = ClientKeys.ipv6PrefixLength(48);

        assertThat(perAddress.of(ip("2001:db8::1"))).isNotEqualTo(perAddress.of(ip("2001:db8::2")));
        assertThat(perSlash48.of(ip("2001:db8:0:1::1"))).isEqualTo(perSlash48.of(ip("2001:db8:0:2::1")));
    }

    @Test
    void keepsTextThatIsNotAnAddressAsItsOwnKey() {
        assertThat(ClientKeys.ofDefaults().of("unix-socket")).isEqualTo("unix-socket");
    }

    @Test
    void refusesAPrefixLengthOutOfRange() {
        assertThatThrownBy(() -> ClientKeys.ipv6PrefixLength(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and 128");
        assertThatThrownBy(() -> ClientKeys.ipv6PrefixLength(129)).isInstanceOf(IllegalArgumentException.class);
    }
}
