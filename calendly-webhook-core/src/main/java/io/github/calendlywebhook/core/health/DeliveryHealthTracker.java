package io.github.calendlywebhook.core.health;

import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.delivery.DeliveryObserver;
import io.github.calendlywebhook.core.delivery.DeliveryResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Observes every delivery of this instance and keeps what delivery health reports: the last delivery,
 * the last acknowledged and the last accepted one, the times of recent deliveries per outcome (at most
 * {@link #CAPACITY} per outcome, so a flood cannot grow it) and whether the store is failing.
 *
 * <p>Register it once with {@code WebhookProcessor.Builder#observer}; health indicators read it through
 * {@link DeliveryHealthCheck#of(DeliveryHealthTracker, StoreProbe)}, and an alerting {@code DeliveryHealthMonitor} built on it is told after every
 * delivery through {@link #subscribe(Runnable)}. Observing is cheap and never throws.
 */
public final class DeliveryHealthTracker implements DeliveryObserver {

    /** The window {@link #activity()} counts deliveries in, unless another is given. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

    /** How many occurrences of one outcome are kept; counts stop there. */
    public static final int CAPACITY = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryHealthTracker.class);

    private final Clock clock;
    private final Duration window;
    private final Occurrences[] recent = new Occurrences[Outcome.values().length];
    private final List<Runnable> subscribers = new CopyOnWriteArrayList<>();
    private @Nullable SeenDelivery lastDelivery;
    private @Nullable SeenDelivery lastAcknowledged;
    private @Nullable SeenDelivery lastAccepted;
    private long storeFailuresSinceAcknowledged;

    private DeliveryHealthTracker(Clock clock, Duration window) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = positive(window, "window");
        for (Outcome outcome : Outcome.values()) {
            recent[outcome.ordinal()] = new Occurrences(CAPACITY);
        }
    }

    /**
     * Returns a tracker counting deliveries over the {@link #DEFAULT_WINDOW}.
     *
     * @param clock the clock that timestamps deliveries
     * @return the tracker
     */
    public static DeliveryHealthTracker create(Clock clock) {
        return new DeliveryHealthTracker(clock, DEFAULT_WINDOW);
    }

    /**
     * Returns a tracker.
     *
     * @param clock the clock that timestamps deliveries
     * @param window how far back {@link #activity()} counts deliveries; a positive duration
     * @return the tracker
     */
    public static DeliveryHealthTracker create(Clock clock, Duration window) {
        return new DeliveryHealthTracker(clock, window);
    }

    /**
     * Records one delivery, then tells the subscribers. Never throws.
     *
     * @param result the delivery's final outcome
     */
    @Override
    public void onDelivery(DeliveryResult result) {
        record(result);
        for (Runnable subscriber : subscribers) {
            try {
                subscriber.run();
            } catch (RuntimeException e) {
                LOG.warn("delivery health subscriber failed: {}", e.toString());
            }
        }
    }

    private synchronized void record(DeliveryResult result) {
        Outcome outcome = result.outcome();
        SeenDelivery seen = SeenDelivery.of(result, clock.instant());
        recent[outcome.ordinal()].add(seen.at());
        lastDelivery = seen;
        if (outcome.acknowledged()) {
            lastAcknowledged = seen;
            storeFailuresSinceAcknowledged = 0;
        } else if (outcome == Outcome.STORE_UNAVAILABLE) {
            storeFailuresSinceAcknowledged++;
        }
        if (outcome == Outcome.ACCEPTED) {
            lastAccepted = seen;
        }
    }

    /**
     * Calls a subscriber after every observed delivery, outside the tracker's lock; a subscriber that
     * throws is logged.
     *
     * @param subscriber what to call
     */
    public void subscribe(Runnable subscriber) {
        subscribers.add(Objects.requireNonNull(subscriber, "subscriber"));
    }

    /** Returns the activity as of now, deliveries counted over the tracker's window. */
    synchronized DeliveryActivity activity() {
        Instant now = clock.instant();
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, (long) recent[outcome.ordinal()].countSince(now.minus(window)));
        }
        return new DeliveryActivity(now, window, lastDelivery, lastAcknowledged, lastAccepted, outcomes,
                storeFailuresSinceAcknowledged > 0);
    }

    /**
     * Returns how many deliveries had an outcome within the last {@code within} (at or after now minus
     * it), at most {@link #CAPACITY}.
     *
     * @param outcome the outcome
     * @param within how far back to count
     * @return the count
     */
    public synchronized int count(Outcome outcome, Duration within) {
        return recent[outcome.ordinal()].countSince(clock.instant().minus(within));
    }

    /**
     * Returns how many deliveries within the last {@code within} failed to be stored since the last
     * acknowledged delivery.
     *
     * @param within how far back to count
     * @return the count, zero once a delivery was acknowledged again
     */
    public synchronized int storeFailuresSinceAcknowledged(Duration within) {
        return (int) Math.min(storeFailuresSinceAcknowledged, count(Outcome.STORE_UNAVAILABLE, within));
    }

    /** Returns the window {@link #activity()} counts deliveries in. */
    public Duration window() {
        return window;
    }

    /** Returns the clock that timestamps deliveries. */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "DeliveryHealthTracker[window=" + window + "]";
    }

    static Duration positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
        return duration;
    }
}
