package io.github.calendlywebhook.core.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether a request may proceed and, if not, how long until it could.
 *
 * @param allowed whether the request may proceed
 * @param retryAfter how long until every limit has a token again; zero when allowed
 */
public record RateLimitDecision(boolean allowed, Duration retryAfter) {

    /** The decision for a request that may proceed; shared, as it carries no state. */
    private static final RateLimitDecision ALLOWED = new RateLimitDecision(true, Duration.ZERO);

    /**
     * Validates the decision.
     *
     * @param allowed whether the request may proceed
     * @param retryAfter how long until every limit has a token again; zero when allowed
     * @throws IllegalArgumentException when {@code retryAfter} is negative
     */
    public RateLimitDecision {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative, was " + retryAfter);
        }
    }

    static RateLimitDecision fromWait(long waitNanos) {
        return waitNanos <= 0 ? ALLOWED
                : new RateLimitDecision(false, Duration.ofNanos(waitNanos));
    }

    /**
     * Returns {@link #retryAfter()} in whole seconds, rounded up and at least 1, for a
     * {@code Retry-After} header.
     *
     * @return the seconds to wait, at least 1
     */
    public long retryAfterSeconds() {
        long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
