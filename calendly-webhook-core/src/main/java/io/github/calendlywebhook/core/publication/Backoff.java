package io.github.calendlywebhook.core.publication;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with full jitter: the wait after failed attempt {@code n} is uniform in
 * {@code [0, min(cap, base * 2^(n-1))]}, so retries of many publications that failed together spread
 * out instead of arriving together.
 */
final class Backoff {

    private final Duration base;
    private final Duration cap;
    private final DoubleSupplier random;

    Backoff(Duration base, Duration cap, DoubleSupplier random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /** Returns the longest wait after failed attempt {@code attempt} (from 1). */
    Duration bound(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 40);
        double nanos = Math.min((double) cap.toNanos(), base.toNanos() * Math.pow(2, doublings));
        return Duration.ofNanos((long) nanos);
    }

    /** Returns the wait after failed attempt {@code attempt} (from 1): random, at most {@link #bound(int)}. */
    Duration delay(int attempt) {
        double fraction = Math.min(Math.max(random.getAsDouble(), 0.0), 1.0);
        return Duration.ofNanos((long) (bound(attempt).toNanos() * fraction));
    }
}
