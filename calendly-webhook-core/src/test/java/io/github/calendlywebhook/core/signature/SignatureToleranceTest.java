package io.github.calendlywebhook.core.signature;

import static io.github.calendlywebhook.core.signature.SignatureVerifierTest.assertReason;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.calendlywebhook.core.signature.SignatureVerificationException.Reason;
import io.github.calendlywebhook.test.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignatureToleranceTest {

    private static final Instant SIGNED_AT = Instant.ofEpochSecond(1_700_000_000L);
    private static final Duration TOLERANCE = Duration.ofMinutes(3);
    private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

    private final MutableClock clock = MutableClock.at(SIGNED_AT);
    private final String header = new WebhookSigner("secret", clock).sign(BODY, SIGNED_AT);
    private final SignatureVerifier verifier = SignatureVerifier.builder().secret("secret").clock(clock).build();

    @Test
    void defaultToleranceIsThreeMinutes() {
        clock.set(SIGNED_AT.plus(TOLERANCE).plusSeconds(1));

        assertThatThrownBy(() -> verifier.verify(header, BODY)).isInstanceOfSatisfying(
                SignatureVerificationException.class, e -> assertReason(e, Reason.TIMESTAMP_OUT_OF_TOLERANCE));
    }

    @Test
    void acceptsTimestampExactlyAtTheOldBoundary() {
        clock.set(SIGNED_AT.plus(TOLERANCE));

        assertThatCode(() -> verifier.verify(header, BODY)).doesNotThrowAnyException();
    }

    @Test
    void rejectsTimestampOneMillisecondOlderThanTolerance() {
        clock.set(SIGNED_AT.plus(TOLERANCE).plusMillis(1));

        assertThatThrownBy(() -> verifier.verify(header, BODY)).isInstanceOfSatisfying(
                SignatureVerificationException.class, e -> assertReason(e, Reason.TIMESTAMP_OUT_OF_TOLERANCE));
    }

    @Test
    void acceptsTimestampExactlyAtTheFutureBoundary() {
        clock.set(SIGNED_AT.minus(TOLERANCE));

        assertThatCode(() -> verifier.verify(header, BODY)).doesNotThrowAnyException();
    }

    @Test
    void rejectsTimestampOneMillisecondFurtherInTheFutureThanTolerance() {
        clock.set(SIGNED_AT.minus(TOLERANCE).minusMillis(1));

        assertThatThrownBy(() -> verifier.verify(header, BODY)).isInstanceOfSatisfying(
                SignatureVerificationException.class, e -> assertReason(e, Reason.TIMESTAMP_OUT_OF_TOLERANCE));
    }

    @Test
    void checksTimestampBeforeSignatureSoStaleForgeriesReportTheTimestamp() {
        clock.set(SIGNED_AT.plus(Duration.ofHours(1)));
        String forged = "t=" + SIGNED_AT.getEpochSecond() + ",v1=" + "0".repeat(64);

        assertThatThrownBy(() -> verifier.verify(forged, BODY)).isInstanceOfSatisfying(
                SignatureVerificationException.class, e -> assertReason(e, Reason.TIMESTAMP_OUT_OF_TOLERANCE));
    }

    @Test
    void messageSaysHowOldTheTimestampIs() {
        clock.set(SIGNED_AT.plusSeconds(300));

        assertThatThrownBy(() -> verifier.verify(header, BODY)).hasMessageContaining("300 s old")
                .hasMessageContaining("180 s");
    }

    @Test
    void replayOfAValidDeliveryFailsOnceTheToleranceHasPassed() {
        assertThatCode(() -> verifier.verify(header, BODY)).doesNotThrowAnyException();

        clock.advance(Duration.ofMinutes(4));

        assertThatThrownBy(() -> verifier.verify(header, BODY)).isInstanceOf(SignatureVerificationException.class);
    }
}
