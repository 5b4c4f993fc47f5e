package io.github.calendlywebhook.core.ratelimit;

import java.util.List;

/**
 * The state of one key: one token count per limit, refilled greedily (continuously, in proportion to
 * the elapsed time). Arithmetic is exact: for a limit of {@code c} tokens per {@code p} nanoseconds, one
 * token is {@code p} units and each elapsed nanosecond adds {@code c} units. Guarded by its own monitor,
 * so different keys never contend.
 */
final class TokenBucket {

    private final long[] capacity;
    private final long[] periodNanos;
    private final long[] available;
    private long lastRefill;

    TokenBucket(List<Bandwidth> limits, long now) {
        int n = limits.size();
        capacity = new long[n];
        periodNanos = new long[n];
        available = new long[n];
        for (int i = 0; i < n; i++) {
            capacity[i] = limits.get(i).capacity();
            periodNanos[i] = limits.get(i).period().toNanos();
            available[i] = capacity[i] * periodNanos[i];
        }
        lastRefill = now;
    }

    /** Takes one token from every limit, or none; returns 0 when taken, else the nanoseconds to wait. */
    synchronized long tryAcquire(long now) {
        refill(now);
        long wait = waitNanos();
        if (wait == 0) {
            for (int i = 0; i < available.length; i++) {
                available[i] -= periodNanos[i];
            }
        }
        return wait;
    }

    /** Returns 0 when every limit has a token, else the nanoseconds until it will; takes nothing. */
    synchronized long peek(long now) {
        refill(now);
        return waitNanos();
    }

    private long waitNanos() {
        long wait = 0;
        for (int i = 0; i < available.length; i++) {
            long deficit = periodNanos[i] - available[i];
            if (deficit > 0) {
                wait = Math.max(wait, (deficit + capacity[i] - 1) / capacity[i]);
            }
        }
        return wait;
    }

    private void refill(long now) {
        long elapsed = now - lastRefill;
        if (elapsed <= 0) {
            return;
        }
        for (int i = 0; i < available.length; i++) {
            long full = capacity[i] * periodNanos[i];
            long added = Math.min(elapsed, periodNanos[i]) * capacity[i];
            available[i] = added >= full - available[i] ? full : available[i] + added;
        }
        lastRefill = now;
    }
}
