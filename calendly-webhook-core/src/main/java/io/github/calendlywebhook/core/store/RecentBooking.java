package io.github.calendlywebhook.core.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One booking for the dashboard's recent bookings list.
 *
 * @param inviteeUri the invitee URI
 * @param name the invitee's name, if sent
 * @param email the invitee's e-mail address, if sent
 * @param eventTypeKey the event type key
 * @param eventTypeName the event type name, if known
 * @param startTime the meeting start, if sent
 * @param bookedAt when the booking happened
 * @param status the current state
 * @param noShow whether the invitee is currently marked as a no-show
 * @param paidAmount the successful payment, if any
 * @param test whether the booking came from a test delivery
 */
public record RecentBooking(String inviteeUri, @Nullable String name, @Nullable String email, String eventTypeKey,
        @Nullable String eventTypeName, @Nullable Instant startTime, Instant bookedAt, BookingStatus status,
        boolean noShow, @Nullable BigDecimal paidAmount, boolean test) {

    public RecentBooking {
        Objects.requireNonNull(inviteeUri, "inviteeUri");
        Objects.requireNonNull(eventTypeKey, "eventTypeKey");
        Objects.requireNonNull(bookedAt, "bookedAt");
        Objects.requireNonNull(status, "status");
    }
}
