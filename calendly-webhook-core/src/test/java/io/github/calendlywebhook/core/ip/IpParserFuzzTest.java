package io.github.calendlywebhook.core.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetAddress;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile configuration and header text from a seeded generator. */
class IpParserFuzzTest {

    private static final int ROUNDS = 30_000;
    private static final String[] FRAGMENTS = {
        "1", "0", "255", "256", "999", "01", ".", ":", "::", "/", "%", "[", "]", "ffff", "FFFF", "g", "-", "+", " ", ",",
        ";", "\"", "\\", "for=", "_hidden", "unknown", "eth0", "1.2.3.4", "::1", "2001:db8::", "/8", "/33", "/128", "/129",
        "\u0661", "\u00e9", "\u0000", "\uD800",
    };

    private final Random random = new Random(1_234_567L);
    private final ClientAddressResolver resolver = ClientAddressResolver.trusting(List.of("10.0.0.0/8", "::1"));

    private String randomText() {
        StringBuilder text = new StringBuilder();
        int parts = random.nextInt(10);
        for (int p = 0; p < parts; p++) {
            if (random.nextInt(4) == 0) {
                text.append((char) random.nextInt(0x10000));
            } else {
                text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
        }
        return text.toString();
    }

    @Test
    void allowlistParsingOnlyEverThrowsIllegalArgumentException() {
        for (int i = 0; i < ROUNDS; i++) {
            String entry = randomText();
            assertThatCode(() -> {
                try {
                    IpAllowlist.parse(List.of(entry));
                } catch (IllegalArgumentException expected) {
                    assertThat(expected.getMessage()).contains("'");
                }
            }).as("entry %s", entry).doesNotThrowAnyException();
        }
    }

    @Test
    void literalParsingNeverThrowsAndAgreesWithItself() {
        for (int i = 0; i < ROUNDS; i++) {
            String text = randomText();
            var parsed = ClientAddressResolver.parseLiteral(text);
            parsed.ifPresent(address -> assertThat(ClientAddressResolver.parseLiteral(address.getHostAddress()))
                    .as("round trip of %s", text).contains(address));
        }
    }

    @Test
    void resolvingRandomForwardingHeadersFromATrustedProxyResolvesOrRefusesAsInvalid() {
        for (int i = 0; i < ROUNDS; i++) {
            List<String> xff = List.of(randomText(), randomText());
            List<String> forwarded = random.nextBoolean() ? List.of("for=" + randomText()) : List.of(randomText());
            InetAddress[] result = new InetAddress[1];

            Throwable thrown = catchThrowable(() -> result[0] = resolver.resolve("10.0.0.1", xff, forwarded));

            assertThat(thrown).as("xff %s forwarded %s", xff, forwarded).satisfiesAnyOf(
                    t -> assertThat(t).isNull(),
                    t -> assertThat(t).isInstanceOf(InvalidForwardingHeadersException.class));
            assertThat(thrown != null || result[0] != null).isTrue();
        }
    }
}
