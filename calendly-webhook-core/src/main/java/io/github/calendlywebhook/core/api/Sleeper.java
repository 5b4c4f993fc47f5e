package io.github.calendlywebhook.core.api;

import java.time.Duration;

/**
 * Waits between retries. The default sleeps the calling thread; tests inject one that records the
 * requested waits instead of waiting.
 */
@FunctionalInterface
interface Sleeper {

    /**
     * Waits for the given duration.
     *
     * @param duration how long to wait
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /** Returns a sleeper that blocks the calling thread. */
    static Sleeper threadSleep() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
