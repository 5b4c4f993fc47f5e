package io.github.calendlywebhook.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} whose instant tests set and advance explicitly, so time-dependent behaviour is tested
 * without sleeping. Thread-safe; every copy made by {@link #withZone(ZoneId)} shares the same instant.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> instant;
    private final ZoneId zone;

    private MutableClock(AtomicReference<Instant> instant, ZoneId zone) {
        this.instant = instant;
        this.zone = zone;
    }

    /**
     * Returns a clock in UTC standing at the given instant.
     *
     * @param start the initial instant
     * @return the clock
     */
    public static MutableClock at(Instant start) {
        return new MutableClock(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    /**
     * Returns a clock in UTC standing at the given epoch second.
     *
     * @param epochSecond seconds since the epoch
     * @return the clock
     */
    public static MutableClock atEpochSecond(long epochSecond) {
        return at(Instant.ofEpochSecond(epochSecond));
    }

    /**
     * Moves the clock to the given instant, forwards or backwards.
     *
     * @param newInstant the new instant
     */
    public void set(Instant newInstant) {
        instant.set(Objects.requireNonNull(newInstant, "newInstant"));
    }

    /**
     * Moves the clock by the given amount; a negative amount moves it back.
     *
     * @param amount how far to move
     * @return the new instant
     */
    public Instant advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        return instant.updateAndGet(current -> current.plus(amount));
    }

    @Override
    public Instant instant() {
        return instant.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new MutableClock(instant, newZone);
    }

    @Override
    public String toString() {
        return "MutableClock[" + instant.get() + ", " + zone + "]";
    }
}
