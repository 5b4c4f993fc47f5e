package io.github.calendlywebhook.core.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Token-bucket rate limiting per key (typically the client address) with several limits at once; a
 * request is allowed only when every limit has a token, and then takes one from each.
 *
 * <p>Buckets refill greedily and are kept in a bounded cache: at most {@code maximumKeys} buckets, each
 * dropped once unused for the longest limit's period. A bucket unused that long has refilled completely,
 * so dropping it changes no decision. Only when more than {@code maximumKeys} keys are active at once
 * (a flood of distinct addresses) can a partly used bucket be evicted early, which grants that key a
 * fresh bucket; memory stays bounded either way. Time comes from the injected {@link Clock}, for the
 * buckets (to the nanosecond) and for the cache's expiry (to the millisecond) alike. Thread-safe: each bucket has its own lock.
 */
public final class RateLimiter {

    /** The default bound on the number of keys tracked at once. */
    public static final long DEFAULT_MAXIMUM_KEYS = 100_000;
    /** The setup guide's limit per key and minute, used when no limit is configured. */
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 10;
    /** The setup guide's limit per key and second, used when no limit is configured. */
    public static final int DEFAULT_BURST_PER_SECOND = 10;

    private final List<Bandwidth> limits;
    private final Clock clock;
    private final Cache<String, TokenBucket> buckets;

    private RateLimiter(List<Bandwidth> limits, long maximumKeys, Clock clock) {
        this.limits = List.copyOf(limits);
        this.clock = clock;
        Duration longest = this.limits.stream().map(Bandwidth::period).max(Duration::compareTo).orElseThrow();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maximumKeys)
                .expireAfterAccess(longest)
                .ticker(() -> clock.millis() * 1_000_000L)
                .executor(Runnable::run)
                .build();
    }

    /**
     * Returns a builder with the setup guide's limits, the default key bound and the system clock.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Takes one token from every limit of the key's bucket, or none when any limit is empty.
     *
     * @param key the key, typically the client address
     * @return allowed, or refused with the time until every limit has a token
     */
    public RateLimitDecision tryAcquire(String key) {
        Objects.requireNonNull(key, "key");
        long now = nanos(clock);
        TokenBucket bucket = buckets.getIfPresent(key);
        if (bucket == null) {
            bucket = buckets.get(key, k -> new TokenBucket(limits, now));
        }
        return RateLimitDecision.fromWait(bucket.tryAcquire(now));
    }

    /**
     * Says whether {@link #tryAcquire(String)} would allow a request now, without taking a token.
     *
     * @param key the key, typically the client address
     * @return allowed, or refused with the time until every limit has a token
     */
    public RateLimitDecision check(String key) {
        Objects.requireNonNull(key, "key");
        TokenBucket bucket = buckets.getIfPresent(key);
        return RateLimitDecision.fromWait(bucket == null ? 0 : bucket.peek(nanos(clock)));
    }

    /**
     * Returns the limits every key is subject to.
     *
     * @return the limits, in the order they were added
     */
    public List<Bandwidth> limits() {
        return limits;
    }

    long estimatedSize() {
        return buckets.estimatedSize();
    }

    void cleanUp() {
        buckets.cleanUp();
    }

    private static long nanos(Clock clock) {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public String toString() {
        return "RateLimiter[limits=" + limits + "]";
    }

    /** Builds a {@link RateLimiter}; every setter validates its argument. */
    public static final class Builder {

        private final List<Bandwidth> limits = new ArrayList<>();
        private long maximumKeys = DEFAULT_MAXIMUM_KEYS;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Adds a limit. Without any, the setup guide's 10 per minute and 10 per second apply.
         *
         * @param bandwidth the limit
         * @return this builder
         */
        public Builder limit(Bandwidth bandwidth) {
            limits.add(Objects.requireNonNull(bandwidth, "bandwidth"));
            return this;
        }

        /**
         * Sets the bound on the number of keys tracked at once.
         *
         * @param maximumKeys a positive number; the default is {@value RateLimiter#DEFAULT_MAXIMUM_KEYS}
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder maximumKeys(long maximumKeys) {
            if (maximumKeys <= 0) {
                throw new IllegalArgumentException("maximumKeys must be positive, was " + maximumKeys);
            }
            this.maximumKeys = maximumKeys;
            return this;
        }

        /**
         * Sets the clock for refills and expiry.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Returns the limiter.
         *
         * @return the limiter
         */
        public RateLimiter build() {
            List<Bandwidth> chosen = limits.isEmpty()
                    ? List.of(Bandwidth.perMinute(DEFAULT_REQUESTS_PER_MINUTE), Bandwidth.perSecond(DEFAULT_BURST_PER_SECOND))
                    : limits;
            return new RateLimiter(chosen, maximumKeys, clock);
        }
    }
}
