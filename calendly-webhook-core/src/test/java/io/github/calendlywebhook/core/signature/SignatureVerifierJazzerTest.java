package io.github.calendlywebhook.core.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.calendlywebhook.test.MutableClock;
import java.time.Duration;
import java.time.Instant;

/**
 * Coverage-guided fuzzing of the signature header parser. Without {@code JAZZER_FUZZ=1} each method
 * replays its committed corpus under {@code SignatureVerifierJazzerTestInputs/} as a plain test.
 */
class SignatureVerifierJazzerTest {

    private static final String SECRET = "fuzz-secret-0123456789";
    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);

    private final MutableClock clock = MutableClock.at(NOW);
    private final SignatureVerifier verifier = SignatureVerifier.builder().secret(SECRET).clock(clock).build();
    private final WebhookSigner signer = new WebhookSigner(SECRET, clock);

    @FuzzTest(maxDuration = "3m")
    void arbitraryHeadersAreOnlyEverRejectedWithTheVerificationException(FuzzedDataProvider data) {
        String header = data.consumeString(512);
        byte[] body = data.consumeRemainingAsBytes();

        Throwable thrown = catchThrowable(() -> verifier.verify(header, body));

        assertThat(thrown).isInstanceOf(SignatureVerificationException.class);
        assertThat(thrown.getMessage()).doesNotContain(SECRET);
    }

    @FuzzTest(maxDuration = "3m")
    void headersAroundAValidSignatureAreAcceptedOnlyWhenTheyCarryIt(FuzzedDataProvider data) {
        long offsetSeconds = data.consumeLong(-1_000L, 1_000L);
        String prefix = data.consumeString(64);
        String suffix = data.consumeString(64);
        byte[] body = data.consumeRemainingAsBytes();
        String valid = signer.sign(body, NOW.plusSeconds(offsetSeconds));
        String header = prefix + valid + suffix;

        Throwable thrown = catchThrowable(() -> verifier.verify(header, body));

        if (thrown == null) {
            assertThat(Duration.ofSeconds(Math.abs(offsetSeconds))).isLessThanOrEqualTo(Duration.ofMinutes(3));
            assertThat(header).contains(valid.substring(valid.indexOf("v1=")));
        } else {
            assertThat(thrown).isInstanceOf(SignatureVerificationException.class);
        }
    }
}
