package io.github.calendlywebhook.core.store;

/** The current state of a booking. */
public enum BookingStatus {
    /** Booked and not canceled. */
    ACTIVE,
    /** Canceled. */
    CANCELED,
    /** Left by a reschedule; the new booking replaces it. */
    RESCHEDULED
}
