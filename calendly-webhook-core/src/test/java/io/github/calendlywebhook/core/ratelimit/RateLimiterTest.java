package io.github.calendlywebhook.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));

    private RateLimiter limiter(Bandwidth... limits) {
        RateLimiter.Builder builder = RateLimiter.builder().clock(clock);
        for (Bandwidth limit : limits) {
            builder.limit(limit);
        }
        return builder.build();
    }

    private static int acquireAll(RateLimiter limiter, String key, int attempts) {
        int allowed = 0;
        for (int i = 0; i < attempts; i++) {
            allowed += limiter.tryAcquire(key).allowed() ? 1 : 0;
        }
        return allowed;
    }

    @Test
    void defaultsToTheSetupGuidesTenPerMinuteAndTenPerSecond() {
        RateLimiter limiter = RateLimiter.builder().clock(clock).build();

        assertThat(limiter.limits()).containsExactly(Bandwidth.perMinute(10), Bandwidth.perSecond(10));
    }

    @Test
    void allowsCapacityRequestsThenRefuses() {
        RateLimiter limiter = limiter(Bandwidth.perMinute(10), Bandwidth.perSecond(10));

        assertThat(acquireAll(limiter, "a", 10)).isEqualTo(10);
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
    }

    @Test
    void keysHaveSeparateBuckets() {
        RateLimiter limiter = limiter(Bandwidth.perMinute(2));
        acquireAll(limiter, "a", 2);

        assertThat(limiter.tryAcquire("b").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
    }

    @Test
    void refillsOneTokenPerSixSecondsAtTenPerMinute() {
        RateLimiter limiter = limiter(Bandwidth.perMinute(10));
        acquireAll(limiter, "a", 10);

        clock.advance(Duration.ofNanos(5_999_999_999L));
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
        clock.advance(Duration.ofNanos(1));
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
    }

    @Test
    void refillsInProportionToElapsedTime() {
        RateLimiter limiter = limiter(Bandwidth.perMinute(10));
        acquireAll(limiter, "a", 10);

        clock.advance(Duration.ofSeconds(31));

        assertThat(acquireAll(limiter, "a", 10)).isEqualTo(5);
    }

    @Test
    void keepsFractionalTokensAcrossRefills() {
        RateLimiter limiter = limiter(Bandwidth.perMinute(10));
        acquireAll(limiter, "a", 10);

        clock.advance(Duration.ofSeconds(4));
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
    }

    @Test
    void neverRefillsAboveCapacity() {
        RateLimiter limiter = limiter(Bandwidth.perMinute(10));
        limiter.tryAcquire("a");

        clock.advance(Duration.ofDays(3));

        assertThat(acquireAll(limiter, "a", 20)).isEqualTo(10);
    }

    @Test
    void retryAfterIsTheTimeUntilTheNextToken() {
        RateLimiter limiter = limiter(Bandwidth.perMinute(10));
        acquireAll(limiter, "a", 10);

        RateLimitDecision decision = limiter.tryAcquire("a");

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.retryAfter()).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void retryAfterShrinksAsTimePasses() {
        RateLimiter limiter = limiter(Bandwidth.perMinute(10));
        acquireAll(limiter, "a", 10);

        clock.advance(Duration.ofMillis(2_500));

        assertThat(limiter.tryAcquire("a").retryAfter()).isEqualTo(Duration.ofMillis(3_500));
        assertThat(limiter.tryAcquire("a").retryAfterSeconds()).isEqualTo(4);
    }

    @Test
    void retryAfterWaitsForEveryLimit() {
        RateLimiter limiter = limiter(Bandwidth.perSecond(10), Bandwidth.perMinute(10));
        acquireAll(limiter, "a", 10);

        assertThat(limiter.tryAcquire("a").retryAfter()).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void retryAfterOfTheBurstLimitAlone() {
        RateLimiter limiter = limiter(Bandwidth.perSecond(10), Bandwidth.perMinute(100));
        acquireAll(limiter, "a", 10);

        assertThat(limiter.tryAcquire("a").retryAfter()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void allowedDecisionHasNoRetryAfter() {
        assertThat(limiter(Bandwidth.perSecond(1)).tryAcquire("a").retryAfter()).isZero();
    }

    @Test
    void refusedRequestTakesNoTokenFromAnyLimit() {
        RateLimiter limiter = limiter(new Bandwidth(5, Duration.ofHours(1)), Bandwidth.perMinute(1));
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(acquireAll(limiter, "a", 3)).isZero();

        int allowed = 0;
        for (int minute = 0; minute < 4; minute++) {
            clock.advance(Duration.ofMinutes(1));
            allowed += limiter.tryAcquire("a").allowed() ? 1 : 0;
        }

        assertThat(allowed).isEqualTo(4);
    }

    @Test
    void checkDoesNotConsume() {
        RateLimiter limiter = limiter(Bandwidth.perMinute(3));
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.check("a").allowed()).isTrue();
        }

        assertThat(acquireAll(limiter, "a", 5)).isEqualTo(3);
    }

    @Test
    void checkReportsAnEmptyBucketWithRetryAfter() {
        RateLimiter limiter = limiter(Bandwidth.perMinute(3));
        acquireAll(limiter, "a", 3);

        RateLimitDecision decision = limiter.check("a");

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.retryAfter()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void checkOfAnUnknownKeyCreatesNoBucket() {
        RateLimiter limiter = limiter(Bandwidth.perMinute(3));

        assertThat(limiter.check("new").allowed()).isTrue();
        limiter.cleanUp();
        assertThat(limiter.estimatedSize()).isZero();
    }

    @Test
    void clockGoingBackwardsAddsNoTokens() {
        RateLimiter limiter = limiter(Bandwidth.perMinute(2));
        acquireAll(limiter, "a", 2);

        clock.advance(Duration.ofMinutes(-5));

        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
    }

    @Test
    void rejectsNonPositiveMaximumKeys() {
        assertThatThrownBy(() -> RateLimiter.builder().maximumKeys(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
