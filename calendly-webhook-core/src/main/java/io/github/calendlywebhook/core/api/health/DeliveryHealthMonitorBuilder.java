package io.github.calendlywebhook.core.api.health;

import io.github.calendlywebhook.core.health.DeliveryHealthTracker;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds a {@link DeliveryHealthMonitor}; every setter validates its argument. Defaults: a burst is 10
 * occurrences within 5 minutes, one store error is enough, the same issue is alerted at most every
 * 15 minutes. Time is read from the tracker's clock.
 */
public final class DeliveryHealthMonitorBuilder {

    final DeliveryHealthTracker tracker;
    final AlertNotifier notifier;
    int burstThreshold = 10;
    int storeErrorThreshold = 1;
    Duration burstWindow = Duration.ofMinutes(5);
    Duration minAlertInterval = Duration.ofMinutes(15);

    DeliveryHealthMonitorBuilder(DeliveryHealthTracker tracker, AlertNotifier notifier) {
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
    }

    /**
     * Sets how many signature failures, 403s or 429s within the window make a burst.
     *
     * @param threshold from 1 to {@link DeliveryHealthTracker#CAPACITY}
     * @return this builder
     */
    public DeliveryHealthMonitorBuilder burstThreshold(int threshold) {
        this.burstThreshold = threshold(threshold, "burstThreshold");
        return this;
    }

    /**
     * Sets how many store errors within the window raise an alert.
     *
     * @param threshold from 1 to {@link DeliveryHealthTracker#CAPACITY}
     * @return this builder
     */
    public DeliveryHealthMonitorBuilder storeErrorThreshold(int threshold) {
        this.storeErrorThreshold = threshold(threshold, "storeErrorThreshold");
        return this;
    }

    /**
     * Sets the window bursts are counted in.
     *
     * @param window a positive duration
     * @return this builder
     */
    public DeliveryHealthMonitorBuilder burstWindow(Duration window) {
        this.burstWindow = positive(window, "burstWindow");
        return this;
    }

    /**
     * Sets the shortest time between two degradation alerts of the same issue.
     *
     * @param interval zero or positive
     * @return this builder
     */
    public DeliveryHealthMonitorBuilder minAlertInterval(Duration interval) {
        Objects.requireNonNull(interval, "minAlertInterval");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("minAlertInterval must not be negative, was " + interval);
        }
        this.minAlertInterval = interval;
        return this;
    }

    /** Returns the monitor, subscribed to the tracker so it re-checks after every delivery. */
    public DeliveryHealthMonitor build() {
        DeliveryHealthMonitor monitor = new DeliveryHealthMonitor(this);
        tracker.subscribe(monitor::evaluate);
        return monitor;
    }

    private static int threshold(int value, String name) {
        if (value < 1 || value > DeliveryHealthTracker.CAPACITY) {
            throw new IllegalArgumentException(name + " must be between 1 and " + DeliveryHealthTracker.CAPACITY
                    + ", was " + value);
        }
        return value;
    }

    private static Duration positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
        return duration;
    }
}
