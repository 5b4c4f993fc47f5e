package io.github.calendlywebhook.test;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for something that happens on another thread (a listener retried by the scheduler) by polling,
 * never by a fixed sleep: returns as soon as the condition holds and fails only past a generous bound,
 * so no test asserts on timing.
 */
public final class Eventually {

    private static final long POLL_MILLIS = 20;

    private Eventually() {
    }

    /**
     * Polls until the condition holds.
     *
     * @param description what is waited for, for the failure message
     * @param bound the generous bound after which the wait fails
     * @param condition the condition
     * @throws AssertionError when the bound passes first
     * @throws IllegalStateException when the waiting thread is interrupted
     */
    public static void until(String description, Duration bound, BooleanSupplier condition) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not reached within " + bound + ": " + description);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + description, e);
            }
        }
    }
}
