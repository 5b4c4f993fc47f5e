package io.github.calendlywebhook.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/** A clock that tests move by hand, so time logic is tested without sleeping. Thread-safe. */
public final class MutableClock extends Clock {

    private volatile Instant now;
    private final ZoneId zone;

    /**
     * Creates a clock at an instant, in UTC.
     *
     * @param start the initial instant
     */
    public MutableClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    private MutableClock(Instant start, ZoneId zone) {
        this.now = Objects.requireNonNull(start, "start");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Returns a clock at 2026-01-15T10:00:00Z. */
    public static MutableClock fixed() {
        return new MutableClock(Instant.parse("2026-01-15T10:00:00Z"));
    }

    /**
     * Moves the clock forward (or back, for a negative amount).
     *
     * @param amount how far to move
     */
    public synchronized void advance(Duration amount) {
        now = now.plus(amount);
    }

    /**
     * Sets the clock.
     *
     * @param instant the new instant
     */
    public void set(Instant instant) {
        now = Objects.requireNonNull(instant, "instant");
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new MutableClock(now, newZone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
