package io.github.calendlywebhook.core.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.calendlywebhook.test.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile headers from a seeded generator: the only exception ever thrown is the verification one. */
class SignatureFuzzTest {

    private static final long SEED = 20_261_128L;
    private static final int ROUNDS = 20_000;
    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    private static final String[] FRAGMENTS = {
        "t", "v1", "v0", "=", ",", " ", "\t", "==", "-", "+", "0", "1700000000", "99999999999999999999", "a", "F",
        "\u0661", "\u00e9", "\uFFFF", "\u0000", "t=", "v1=", "0".repeat(63), "f".repeat(64), "A".repeat(64), ";", "\"",
    };

    private final MutableClock clock = MutableClock.at(NOW);
    private final SignatureVerifier verifier = SignatureVerifier.builder().secret("secret").clock(clock).build();
    private final byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

    @Test
    void randomFragmentHeadersOnlyEverFailVerification() {
        Random random = new Random(SEED);
        for (int i = 0; i < ROUNDS; i++) {
            StringBuilder header = new StringBuilder();
            int parts = random.nextInt(12);
            for (int p = 0; p < parts; p++) {
                header.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
            assertOnlyVerificationFailure(header.toString());
        }
    }

    @Test
    void randomCharacterHeadersOnlyEverFailVerification() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < ROUNDS; i++) {
            char[] chars = new char[random.nextInt(120)];
            for (int c = 0; c < chars.length; c++) {
                chars[c] = random.nextBoolean() ? (char) (' ' + random.nextInt(95)) : (char) random.nextInt(0x10000);
            }
            assertOnlyVerificationFailure(new String(chars));
        }
    }

    @Test
    void mutatedValidHeadersAreNeverAccepted() {
        Random random = new Random(SEED + 2);
        String valid = new WebhookSigner("secret", clock).sign(body);
        int accepted = 0;
        for (int i = 0; i < ROUNDS; i++) {
            char[] chars = valid.toCharArray();
            int at = valid.indexOf("v1=") + 3 + random.nextInt(64);
            char replacement = "0123456789abcdef".charAt(random.nextInt(16));
            if (chars[at] == replacement) {
                continue;
            }
            chars[at] = replacement;
            try {
                verifier.verify(new String(chars), body);
                accepted++;
            } catch (SignatureVerificationException expected) {
                assertThat(expected.reason()).isEqualTo(SignatureVerificationException.Reason.MISMATCH);
            }
        }
        assertThat(accepted).isZero();
    }

    private void assertOnlyVerificationFailure(String header) {
        assertThatCode(() -> {
            try {
                verifier.verify(header, body);
            } catch (SignatureVerificationException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }).as("header %s", header).doesNotThrowAnyException();
    }
}
