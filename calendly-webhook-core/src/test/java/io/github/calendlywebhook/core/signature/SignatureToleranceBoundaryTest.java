package io.github.calendlywebhook.core.signature;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.signature.SignatureVerificationException.Reason;
import io.github.calendlywebhook.test.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The whole-second shortcut of the tolerance check agrees with exact {@link Duration} arithmetic around
 * every boundary: tolerances below, at and above one second, with and without a fraction, clocks with
 * and without nanoseconds, timestamps on both sides.
 */
class SignatureToleranceBoundaryTest {

    private static final long SIGNED = 1_700_000_000L;
    private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);
    private static final List<Duration> TOLERANCES = List.of(Duration.ofNanos(1), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(1500), Duration.ofSeconds(2), Duration.ofSeconds(3),
            Duration.ofMinutes(3), Duration.ofMinutes(3).plusNanos(999_999_999));
    private static final long[] NANOS = {0, 1, 499_999_999, 500_000_000, 999_999_999};

    private final MutableClock clock = MutableClock.atEpochSecond(SIGNED);
    private final String header = new WebhookSigner("secret", clock).sign(BODY);

    @Test
    void acceptsAndRejectsExactlyAsDurationArithmeticDoes() {
        int checked = 0;
        for (Duration tolerance : TOLERANCES) {
            SignatureVerifier verifier = SignatureVerifier.builder().secret("secret").tolerance(tolerance)
                    .clock(clock).build();
            long seconds = tolerance.getSeconds();
            for (long offset = -seconds - 3; offset <= seconds + 3; offset++) {
                for (long nanos : NANOS) {
                    Instant now = Instant.ofEpochSecond(SIGNED + offset, nanos);
                    clock.set(now);
                    assertThat(reason(verifier)).as("tolerance %s, now %s", tolerance, now)
                            .isEqualTo(expected(tolerance, now));
                    checked++;
                }
                if (seconds > 10 && offset == -seconds + 3) {
                    offset = seconds - 4;
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    private @Nullable Reason reason(SignatureVerifier verifier) {
        try {
            verifier.verify(header, BODY);
            return null;
        } catch (SignatureVerificationException e) {
            return e.reason();
        }
    }

    private static @Nullable Reason expected(Duration tolerance, Instant now) {
        Duration age = Duration.between(Instant.ofEpochSecond(SIGNED), now);
        return age.abs().compareTo(tolerance) > 0 ? Reason.TIMESTAMP_OUT_OF_TOLERANCE : null;
    }
}
