package io.github.calendlywebhook.core.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Duration base = Duration.ofSeconds(10);
    private final Duration cap = Duration.ofMinutes(5);

    @Test
    void theBoundDoublesWithEachAttemptUpToTheCap() {
        Backoff backoff = new Backoff(base, cap, () -> 1.0);

        assertThat(backoff.bound(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.bound(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.bound(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(backoff.bound(6)).isEqualTo(cap);
        assertThat(backoff.bound(1_000)).isEqualTo(cap);
    }

    @Test
    void theDelayIsTheJitterFractionOfTheBound() {
        assertThat(new Backoff(base, cap, () -> 0.0).delay(3)).isEqualTo(Duration.ZERO);
        assertThat(new Backoff(base, cap, () -> 0.25).delay(3)).isEqualTo(Duration.ofSeconds(10));
        assertThat(new Backoff(base, cap, () -> 7.0).delay(3)).as("jitter is clamped").isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void realJitterStaysWithinTheBoundAndSpreadsRetries() {
        Backoff backoff = new Backoff(base, cap, () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());

        var delays = java.util.stream.IntStream.range(0, 200).mapToObj(i -> backoff.delay(1)).toList();

        assertThat(delays).allSatisfy(delay -> assertThat(delay).isBetween(Duration.ZERO, base));
        assertThat(delays.stream().distinct().count()).isGreaterThan(100);
    }
}
