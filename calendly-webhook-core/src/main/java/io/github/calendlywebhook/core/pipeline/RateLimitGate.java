package io.github.calendlywebhook.core.pipeline;

import io.github.calendlywebhook.core.config.RateLimitPolicy;
import io.github.calendlywebhook.core.ratelimit.RateLimitDecision;
import io.github.calendlywebhook.core.ratelimit.RateLimiter;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Applies the {@link RateLimitPolicy}: under {@code ALL_REQUESTS} admission charges the client; under
 * {@code FAILED_REQUESTS} admission only checks, and a later failed check charges.
 */
final class RateLimitGate {

    private static final RateLimitDecision ALLOWED = new RateLimitDecision(true, Duration.ZERO);

    private final @Nullable RateLimiter limiter;
    private final RateLimitPolicy policy;

    RateLimitGate(@Nullable RateLimiter limiter, RateLimitPolicy policy) {
        this.limiter = limiter;
        this.policy = policy;
    }

    RateLimitDecision admit(String client) {
        if (limiter == null) {
            return ALLOWED;
        }
        return policy == RateLimitPolicy.ALL_REQUESTS ? limiter.tryAcquire(client) : limiter.check(client);
    }

    void chargeFailure(String client) {
        if (limiter != null && policy == RateLimitPolicy.FAILED_REQUESTS) {
            limiter.tryAcquire(client);
        }
    }
}
