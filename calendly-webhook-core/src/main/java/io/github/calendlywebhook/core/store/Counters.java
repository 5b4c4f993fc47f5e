package io.github.calendlywebhook.core.store;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Raw counters of one bucket (a day and an event type, or all time and an event type), as maintained
 * by a store on every write. Also used for the changes a single event makes, which may be negative.
 *
 * @param newBookings creates that are not the new half of a reschedule
 * @param cancellations cancels that are not half of a reschedule
 * @param reschedules cancels that are half of a reschedule
 * @param noShows no-show marks created minus those deleted
 * @param leads routing form submissions plus leads recorded through the application
 * @param activeBookings bookings made in the bucket that are currently active
 * @param activePaid the part of {@code activeBookings} with a successful payment
 * @param paidAmount the sum of the successful payments of {@code activePaid}
 */
public record Counters(long newBookings, long cancellations, long reschedules, long noShows, long leads,
        long activeBookings, long activePaid, BigDecimal paidAmount) {

    /** All counters zero. */
    public static final Counters ZERO = new Counters(0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO);

    public Counters {
        Objects.requireNonNull(paidAmount, "paidAmount");
    }

    /**
     * Returns the element-wise sum.
     *
     * @param other the counters to add
     * @return the sum
     */
    public Counters plus(Counters other) {
        return new Counters(newBookings + other.newBookings, cancellations + other.cancellations,
                reschedules + other.reschedules, noShows + other.noShows, leads + other.leads,
                activeBookings + other.activeBookings, activePaid + other.activePaid,
                paidAmount.add(other.paidAmount));
    }

    /**
     * Returns the element-wise negation, which undoes these counters when added.
     *
     * @return the negated counters
     */
    public Counters negate() {
        return new Counters(-newBookings, -cancellations, -reschedules, -noShows, -leads, -activeBookings,
                -activePaid, paidAmount.negate());
    }

    /** Returns whether every counter is zero. */
    public boolean isZero() {
        return newBookings == 0 && cancellations == 0 && reschedules == 0 && noShows == 0 && leads == 0
                && activeBookings == 0 && activePaid == 0 && paidAmount.signum() == 0;
    }

    /**
     * Returns the value of the active bookings: the paid amounts plus every unpaid active booking at
     * the given value.
     *
     * @param valuePerUnpaidBooking the configured value of one booking without a payment
     * @return the revenue
     */
    public BigDecimal revenue(BigDecimal valuePerUnpaidBooking) {
        return paidAmount.add(valuePerUnpaidBooking.multiply(BigDecimal.valueOf(activeBookings - activePaid)));
    }
}
