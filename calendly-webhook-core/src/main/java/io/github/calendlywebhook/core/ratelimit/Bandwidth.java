package io.github.calendlywebhook.core.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * One limit of a token bucket: at most {@code capacity} requests at once, refilled continuously at
 * {@code capacity} tokens per {@code period} (a bucket that has been idle for a whole period is full).
 *
 * @param capacity the number of tokens, positive
 * @param period the time in which an empty bucket refills completely, positive
 */
public record Bandwidth(long capacity, Duration period) {

    /**
     * Validates the limit.
     *
     * @param capacity the number of tokens, positive
     * @param period the time in which an empty bucket refills completely, positive
     * @throws IllegalArgumentException when a value is not positive or the limit is too large to compute
     *     with exactly (capacity times the period in nanoseconds must fit a {@code long})
     */
    public Bandwidth {
        Objects.requireNonNull(period, "period");
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, was " + period);
        }
        try {
            Math.multiplyExact(capacity, period.toNanos());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("limit of " + capacity + " per " + period + " is too large", e);
        }
    }

    /**
     * Returns a limit of {@code capacity} requests per minute.
     *
     * @param capacity the number of requests, positive
     * @return the limit
     */
    public static Bandwidth perMinute(long capacity) {
        return new Bandwidth(capacity, Duration.ofMinutes(1));
    }

    /**
     * Returns a limit of {@code capacity} requests per second.
     *
     * @param capacity the number of requests, positive
     * @return the limit
     */
    public static Bandwidth perSecond(long capacity) {
        return new Bandwidth(capacity, Duration.ofSeconds(1));
    }
}
