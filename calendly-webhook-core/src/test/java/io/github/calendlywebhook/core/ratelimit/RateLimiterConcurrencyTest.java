package io.github.calendlywebhook.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.test.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RateLimiterConcurrencyTest {

    private static final int THREADS = 8;
    private static final int ATTEMPTS_PER_THREAD = 5_000;

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void eightThreadsOnOneKeyGetExactlyTheCapacityWhenTimeStandsStill() throws Exception {
        RateLimiter limiter = RateLimiter.builder().clock(clock).limit(Bandwidth.perMinute(10))
                .limit(Bandwidth.perSecond(25)).build();

        assertThat(hammer(limiter, i -> "203.0.113.7")).isEqualTo(10);
    }

    @Test
    void eachOfManyKeysGetsExactlyItsCapacityUnderContention() throws Exception {
        RateLimiter limiter = RateLimiter.builder().clock(clock).limit(Bandwidth.perSecond(3)).build();

        assertThat(hammer(limiter, i -> "key-" + (i % 16))).isEqualTo(16 * 3);
    }

    private static int hammer(RateLimiter limiter, java.util.function.IntFunction<String> keys) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    int allowed = 0;
                    for (int i = 0; i < ATTEMPTS_PER_THREAD; i++) {
                        allowed += limiter.tryAcquire(keys.apply(i)).allowed() ? 1 : 0;
                    }
                    return allowed;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get(1, TimeUnit.MINUTES);
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }
}
