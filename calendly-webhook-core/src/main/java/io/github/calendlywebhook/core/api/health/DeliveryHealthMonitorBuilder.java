package io.github.calendlywebhook.core.api.health;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds a {@link DeliveryHealthMonitor}; every setter validates its argument. Defaults: a burst is 10
 * occurrences within 5 minutes, one store error is enough, the same issue is alerted at most every
 * 15 minutes, the system clock.
 */
public final class DeliveryHealthMonitorBuilder {

    final AlertNotifier notifier;
    Clock clock = Clock.systemUTC();
    int burstThreshold = 10;
    int storeErrorThreshold = 1;
    Duration burstWindow = Duration.ofMinutes(5);
    Duration minAlertInterval = Duration.ofMinutes(15);

    DeliveryHealthMonitorBuilder(AlertNotifier notifier) {
        this.notifier = Objects.requireNonNull(notifier, "notifier");
    }

    /**
     * Sets the clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public DeliveryHealthMonitorBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Sets how many signature failures, 403s or 429s within the window make a burst.
     *
     * @param threshold at least 1
     * @return this builder
     */
    public DeliveryHealthMonitorBuilder burstThreshold(int threshold) {
        this.burstThreshold = atLeastOne(threshold, "burstThreshold");
        return this;
    }

    /**
     * Sets how many store errors within the window raise an alert.
     *
     * @param threshold at least 1
     * @return this builder
     */
    public DeliveryHealthMonitorBuilder storeErrorThreshold(int threshold) {
        this.storeErrorThreshold = atLeastOne(threshold, "storeErrorThreshold");
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

    /** Returns the monitor. */
    public DeliveryHealthMonitor build() {
        return new DeliveryHealthMonitor(this);
    }

    private static int atLeastOne(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
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
