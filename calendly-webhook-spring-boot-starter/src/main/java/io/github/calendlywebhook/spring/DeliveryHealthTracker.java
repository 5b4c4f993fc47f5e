package io.github.calendlywebhook.spring;

import io.github.calendlywebhook.core.audit.Outcome;
import io.github.calendlywebhook.core.pipeline.DeliveryObserver;
import io.github.calendlywebhook.core.pipeline.DeliveryResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Remembers what the health endpoint reports: the last accepted delivery, rejections in a recent
 * window (bounded, so a flood cannot grow it), and whether the last attempt to store an event failed.
 */
public final class DeliveryHealthTracker implements DeliveryObserver {

    /** The window in which rejections count as recent. */
    public static final Duration RECENT = Duration.ofMinutes(15);

    private static final int MAX_REMEMBERED_REJECTIONS = 10_000;

    private record Rejection(Instant at, String code) {
    }

    private final Clock clock;
    private final Deque<Rejection> rejections = new ArrayDeque<>();
    private @Nullable Instant lastAccepted;
    private boolean storeFailing;

    /**
     * Creates a tracker.
     *
     * @param clock the clock that timestamps deliveries
     */
    public DeliveryHealthTracker(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void onDelivery(DeliveryResult result) {
        Outcome outcome = result.outcome();
        Instant now = clock.instant();
        if (outcome == Outcome.ACCEPTED) {
            lastAccepted = now;
        }
        if (outcome == Outcome.ACCEPTED || outcome == Outcome.DUPLICATE) {
            storeFailing = false;
        } else {
            storeFailing = storeFailing || outcome == Outcome.STORE_UNAVAILABLE;
            if (rejections.size() == MAX_REMEMBERED_REJECTIONS) {
                rejections.removeFirst();
            }
            rejections.addLast(new Rejection(now, outcome.code()));
        }
    }

    /** Returns when the last delivery was accepted, or {@code null} when none was since startup. */
    public synchronized @Nullable Instant lastAccepted() {
        return lastAccepted;
    }

    /** Returns whether the last attempt to store an event failed. */
    public synchronized boolean storeFailing() {
        return storeFailing;
    }

    /** Returns the rejections of the last {@link #RECENT} window, counted by outcome code. */
    public synchronized Map<String, Integer> recentRejections() {
        Instant since = clock.instant().minus(RECENT);
        while (!rejections.isEmpty() && rejections.peekFirst().at().isBefore(since)) {
            rejections.removeFirst();
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (Rejection rejection : rejections) {
            counts.merge(rejection.code(), 1, Integer::sum);
        }
        return counts;
    }
}
