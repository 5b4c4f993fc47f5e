package io.github.calendlywebhook.core.api;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** How long to wait before retrying a 429, a 5xx or a connection failure. */
record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRateLimitWait,
        Clock clock) {

    private static final long EPOCH_THRESHOLD = 1_000_000_000L;
    private static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofSeconds(60);

    /** Returns the exponential back-off for the given retry (0 for the first retry), capped. */
    Duration backoff(int retry) {
        Duration wait = initialBackoff.multipliedBy(1L << Math.min(retry, 20));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /**
     * Returns the wait Calendly asks for after a 429: {@code X-RateLimit-Reset} seconds (an epoch
     * second value is also understood), else {@code Retry-After}, else 60 seconds; capped.
     */
    Duration rateLimitWait(HttpHeaders headers) {
        Duration wait = seconds(headers, "X-RateLimit-Reset")
                .or(() -> seconds(headers, "Retry-After"))
                .orElse(DEFAULT_RATE_LIMIT_WAIT);
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(maxRateLimitWait) > 0 ? maxRateLimitWait : wait;
    }

    private Optional<Duration> seconds(HttpHeaders headers, String name) {
        Optional<String> value = headers.firstValue(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            long number = Long.parseLong(value.get().trim());
            if (number >= EPOCH_THRESHOLD) {
                return Optional.of(Duration.between(clock.instant(), Instant.ofEpochSecond(number)));
            }
            return Optional.of(Duration.ofSeconds(number));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
