package io.github.calendlywebhook.core.ip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParseLiteralTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "0.0.0.0", "1.2.3.4", "255.255.255.255", "52.10.200.7", "::", "::1", "1::", "2001:db8::1",
        "2001:DB8:0:0:8:800:200C:417A", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "1::8",
        "fe80::1", "::1.2.3.4", "64:ff9b::192.0.2.33", "1:2:3:4:5:6:1.2.3.4", "0:0:0:0:0:0:0:1",
    })
    void agreesWithTheJdkOnValidLiterals(String literal) throws Exception {
        assertThat(ClientAddressResolver.parseLiteral(literal)).contains(InetAddress.getByName(literal));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "localhost", "example.com", "calendly.com", "1.2.3", "1.2.3.4.5", "256.0.0.1", "1.2.3.-4", "01.2.3.4",
        "1.2.3.04", "0x7f.0.0.1", "2130706433", "1. 2.3.4", ":::", "1::2::3", "12345::", "g::1", ":1:2",
        "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8::", "::1.2.3", "1.2.3.4::", "::1.2.3.4:5",
        "1.2.3.4%eth0", "fe80::1%", "fe80::1%eth 0", "[1.2.3.4]", "[::1", "::1]", "[]", "\u0661.2.3.4", "１.2.3.4",
    })
    void rejectsAnythingElse(String text) {
        assertThat(ClientAddressResolver.parseLiteral(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"::ffff:1.2.3.4", "::FFFF:102:304", "0:0:0:0:0:ffff:0102:0304", "[::ffff:1.2.3.4]"})
    void normalizesIpv4MappedToIpv4(String mapped) throws Exception {
        assertThat(ClientAddressResolver.parseLiteral(mapped)).get().isInstanceOf(Inet4Address.class)
                .isEqualTo(InetAddress.getByName("1.2.3.4"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fe80::1%eth0", "[fe80::1%eth0]", "fe80::1%1", "[fe80::1]"})
    void dropsZoneIdsAndBrackets(String text) throws Exception {
        assertThat(ClientAddressResolver.parseLiteral(text)).get().isInstanceOf(Inet6Address.class)
                .isEqualTo(InetAddress.getByName("fe80::1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {" 1.2.3.4", "1.2.3.4\t", " ::1 "})
    void trimsSurroundingWhitespace(String text) {
        assertThat(ClientAddressResolver.parseLiteral(text)).isPresent();
    }
}
