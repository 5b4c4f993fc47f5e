package io.github.calendlywebhook.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.calendlywebhook.core.ratelimit.Bandwidth;
import io.github.calendlywebhook.core.ratelimit.RateLimiter;
import java.time.Duration;

/**
 * Prints the heap each rate limiter retains after a flood of 1,000,000 distinct client addresses, to
 * show that memory stays bounded. Usage: {@code RateLimiterFootprint <library|bucket4j>}, one per JVM.
 */
public final class RateLimiterFootprint {

    private static final int KEYS = 1_000_000;

    private RateLimiterFootprint() {
    }

    /**
     * Floods one limiter and prints what it retains.
     *
     * @param args {@code library} or {@code bucket4j}
     */
    public static void main(String[] args) {
        String[] keys = new String[KEYS];
        for (int i = 0; i < KEYS; i++) {
            keys[i] = "10." + (i >>> 16 & 0xff) + "." + (i >>> 8 & 0xff) + "." + (i & 0xff);
        }
        long before = usedHeap();
        Object limiter = args.length == 1 && args[0].equals("bucket4j") ? floodBucket4j(keys) : floodLibrary(keys);
        long retained = usedHeap() - before;
        System.out.printf("%s retains %d MiB after %,d distinct keys (%s)%n", args.length == 1 ? args[0] : "library",
                retained / (1024 * 1024), KEYS, limiter.getClass().getSimpleName());
    }

    private static Object floodLibrary(String[] keys) {
        RateLimiter limiter = RateLimiter.builder()
                .limit(Bandwidth.perMinute(10))
                .limit(Bandwidth.perSecond(10))
                .build();
        for (String key : keys) {
            limiter.tryAcquire(key);
        }
        return limiter;
    }

    private static Object floodBucket4j(String[] keys) {
        Cache<String, Bucket> buckets = Caffeine.newBuilder()
                .maximumSize(RateLimiter.DEFAULT_MAXIMUM_KEYS)
                .expireAfterAccess(Duration.ofMinutes(1))
                .build();
        for (String key : keys) {
            buckets.get(key, k -> Bucket.builder()
                    .addLimit(limit -> limit.capacity(10).refillGreedy(10, Duration.ofMinutes(1)))
                    .addLimit(limit -> limit.capacity(10).refillGreedy(10, Duration.ofSeconds(1)))
                    .build()).tryConsume(1);
        }
        buckets.cleanUp();
        return buckets;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
