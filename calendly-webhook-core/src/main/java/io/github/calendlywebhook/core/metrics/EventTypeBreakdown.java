package io.github.calendlywebhook.core.metrics;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The numbers of one event type in a period.
 *
 * @param eventTypeKey the event type key
 * @param eventTypeName its display name, if known
 * @param bookedAppointments bookings made in the period that are currently active
 * @param newBookings creates that are not reschedules
 * @param cancellations cancels that are not reschedules
 * @param reschedules cancels that are half of a reschedule
 * @param noShows no-show marks created minus deleted
 * @param revenue the value of {@code bookedAppointments}
 * @param valuePerBooking the configured value of an unpaid booking of this type
 */
public record EventTypeBreakdown(String eventTypeKey, @Nullable String eventTypeName, long bookedAppointments,
        long newBookings, long cancellations, long reschedules, long noShows, BigDecimal revenue,
        BigDecimal valuePerBooking) {

    public EventTypeBreakdown {
        Objects.requireNonNull(eventTypeKey, "eventTypeKey");
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(valuePerBooking, "valuePerBooking");
    }
}
