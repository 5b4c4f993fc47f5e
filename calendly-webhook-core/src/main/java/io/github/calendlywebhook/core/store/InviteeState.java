package io.github.calendlywebhook.core.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What is known about one invitee, whatever order its events arrived in. Active means created and not
 * canceled; the booking fields are set by the create.
 */
record InviteeState(String uri, boolean created, boolean canceled, boolean rescheduled, boolean noShow,
        @Nullable LocalDate bookingDay, @Nullable String eventTypeKey, @Nullable String eventTypeName,
        @Nullable BigDecimal paidAmount, boolean test, @Nullable String name, @Nullable String email,
        @Nullable Instant startTime, @Nullable Instant bookedAt) {

    InviteeState {
        Objects.requireNonNull(uri, "uri");
        if (created && (bookingDay == null || eventTypeKey == null || bookedAt == null)) {
            throw new IllegalArgumentException("a created invitee needs its booking day, event type and time");
        }
    }

    static InviteeState absent(String uri) {
        return new InviteeState(uri, false, false, false, false, null, null, null, null, false, null, null, null, null);
    }

    boolean active() {
        return created && !canceled;
    }

    InviteeState withCanceled(boolean isReschedule) {
        return new InviteeState(uri, created, true, isReschedule, noShow, bookingDay, eventTypeKey, eventTypeName,
                paidAmount, test, name, email, startTime, bookedAt);
    }

    InviteeState withNoShow(boolean marked) {
        return new InviteeState(uri, created, canceled, rescheduled, marked, bookingDay, eventTypeKey, eventTypeName,
                paidAmount, test, name, email, startTime, bookedAt);
    }

    RecentBooking toRecentBooking() {
        if (!created || eventTypeKey == null || bookedAt == null) {
            throw new IllegalStateException("invitee " + uri + " has not been created");
        }
        BookingStatus status = !canceled ? BookingStatus.ACTIVE
                : rescheduled ? BookingStatus.RESCHEDULED : BookingStatus.CANCELED;
        return new RecentBooking(uri, name, email, eventTypeKey, eventTypeName, startTime, bookedAt, status, noShow,
                paidAmount, test);
    }
}
