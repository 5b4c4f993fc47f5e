package io.github.calendlywebhook.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitDecisionTest {

    @Test
    void roundsRetryAfterUpToWholeSeconds() {
        assertThat(new RateLimitDecision(false, Duration.ofMillis(5_001)).retryAfterSeconds()).isEqualTo(6);
    }

    @Test
    void keepsWholeSecondsAsTheyAre() {
        assertThat(new RateLimitDecision(false, Duration.ofSeconds(6)).retryAfterSeconds()).isEqualTo(6);
    }

    @Test
    void retryAfterSecondsIsAtLeastOne() {
        assertThat(new RateLimitDecision(false, Duration.ofNanos(1)).retryAfterSeconds()).isEqualTo(1);
        assertThat(new RateLimitDecision(true, Duration.ZERO).retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void rejectsNegativeRetryAfter() {
        assertThatThrownBy(() -> new RateLimitDecision(false, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
