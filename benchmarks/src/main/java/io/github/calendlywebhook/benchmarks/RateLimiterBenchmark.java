package io.github.calendlywebhook.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.calendlywebhook.core.ratelimit.Bandwidth;
import io.github.calendlywebhook.core.ratelimit.RateLimitDecision;
import io.github.calendlywebhook.core.ratelimit.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-key acquire with the setup guide's limits (10 per minute and 10 per second per client address)
 * over 1, 1,000 and 1,000,000 distinct keys: this library against Bucket4j with one bucket per key held
 * in a Caffeine cache of the same bound and expiry. Both keep at most {@value #MAX_KEYS} keys, so the
 * million-key case measures the flood of distinct addresses that memory must survive.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Benchmark)
public class RateLimiterBenchmark {

    /** The bound on keys both limiters hold. */
    public static final long MAX_KEYS = RateLimiter.DEFAULT_MAXIMUM_KEYS;

    /** The number of distinct keys acquired in turn. */
    @Param({"1", "1000", "1000000"})
    public int keys;

    private String[] addresses = new String[0];
    private RateLimiter library;
    private Cache<String, Bucket> buckets;

    /** The position of one thread in the key sequence. */
    @State(Scope.Thread)
    public static class Cursor {

        /** The next key index. */
        int next = (int) (Thread.currentThread().getId() * 7919);
    }

    /** Builds the key set and both limiters. */
    @Setup
    public void setUp() {
        addresses = new String[keys];
        for (int i = 0; i < keys; i++) {
            addresses[i] = "10." + (i >>> 16 & 0xff) + "." + (i >>> 8 & 0xff) + "." + (i & 0xff);
        }
        library = RateLimiter.builder()
                .limit(Bandwidth.perMinute(10))
                .limit(Bandwidth.perSecond(10))
                .maximumKeys(MAX_KEYS)
                .clock(Clock.systemUTC())
                .build();
        buckets = Caffeine.newBuilder()
                .maximumSize(MAX_KEYS)
                .expireAfterAccess(Duration.ofMinutes(1))
                .build();
    }

    /**
     * Acquires with this library.
     *
     * @param cursor the thread's position
     * @return the decision
     */
    @Benchmark
    public RateLimitDecision library(Cursor cursor) {
        return library.tryAcquire(nextKey(cursor));
    }

    /**
     * Acquires with Bucket4j, one bucket per key in Caffeine.
     *
     * @param cursor the thread's position
     * @return whether a token was taken
     */
    @Benchmark
    public boolean bucket4j(Cursor cursor) {
        return buckets.get(nextKey(cursor), key -> Bucket.builder()
                .addLimit(limit -> limit.capacity(10).refillGreedy(10, Duration.ofMinutes(1)))
                .addLimit(limit -> limit.capacity(10).refillGreedy(10, Duration.ofSeconds(1)))
                .build())
                .tryConsume(1);
    }

    private String nextKey(Cursor cursor) {
        int i = Math.floorMod(cursor.next++, addresses.length);
        return addresses[i];
    }
}
