package io.github.calendlywebhook.core.api.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * Whether at least {@code threshold} occurrences fell within the last {@code window}. Keeps only the
 * last {@code threshold} timestamps, so memory stays bounded under a flood. Not thread-safe.
 */
final class BurstWindow {

    private final int threshold;
    private final Duration window;
    private final ArrayDeque<Instant> recent = new ArrayDeque<>();

    BurstWindow(int threshold, Duration window) {
        this.threshold = threshold;
        this.window = window;
    }

    void record(Instant at) {
        recent.addLast(at);
        while (recent.size() > threshold) {
            recent.removeFirst();
        }
    }

    boolean burst(Instant now) {
        Instant oldest = recent.peekFirst();
        return recent.size() >= threshold && oldest != null && oldest.isAfter(now.minus(window));
    }

    void clear() {
        recent.clear();
    }

    int threshold() {
        return threshold;
    }

    Duration window() {
        return window;
    }
}
