package io.github.calendlywebhook.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterMemoryTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void aMillionDistinctKeysStayWithinTheBound() {
        RateLimiter limiter = RateLimiter.builder().clock(clock).maximumKeys(1_000).build();

        for (int i = 0; i < 1_000_000; i++) {
            limiter.tryAcquire("198.51." + (i >>> 8 & 0xffff) + "." + (i & 0xff));
        }
        limiter.cleanUp();

        assertThat(limiter.estimatedSize()).isPositive().isLessThanOrEqualTo(1_000);
    }

    @Test
    void bucketsUnusedForTheLongestPeriodExpire() {
        RateLimiter limiter = RateLimiter.builder().clock(clock).limit(Bandwidth.perSecond(5))
                .limit(Bandwidth.perMinute(10)).build();
        limiter.tryAcquire("a");
        limiter.tryAcquire("b");

        clock.advance(Duration.ofMinutes(1));
        limiter.cleanUp();

        assertThat(limiter.estimatedSize()).isZero();
    }

    @Test
    void bucketsInUseWithinThePeriodAreKept() {
        RateLimiter limiter = RateLimiter.builder().clock(clock).limit(Bandwidth.perMinute(10)).build();
        limiter.tryAcquire("a");

        clock.advance(Duration.ofSeconds(59));
        limiter.cleanUp();

        assertThat(limiter.estimatedSize()).isEqualTo(1);
    }

    @Test
    void anExpiredKeyStartsWithAFullBucket() {
        RateLimiter limiter = RateLimiter.builder().clock(clock).limit(Bandwidth.perMinute(10)).build();
        for (int i = 0; i < 10; i++) {
            limiter.tryAcquire("a");
        }

        clock.advance(Duration.ofMinutes(1));
        limiter.cleanUp();
        int allowed = 0;
        for (int i = 0; i < 20; i++) {
            allowed += limiter.tryAcquire("a").allowed() ? 1 : 0;
        }

        assertThat(allowed).isEqualTo(10);
    }
}
