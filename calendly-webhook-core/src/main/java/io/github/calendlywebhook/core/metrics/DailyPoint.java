package io.github.calendlywebhook.core.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One day of the chart series.
 *
 * @param date the day in the configured time zone
 * @param newBookings creates that are not reschedules
 * @param cancellations cancels that are not reschedules
 * @param reschedules cancels that are half of a reschedule
 * @param noShows no-show marks created minus deleted
 * @param leads routing form submissions plus recorded leads
 * @param bookedAppointments bookings made that day that are currently active
 * @param revenue the value of {@code bookedAppointments}
 */
public record DailyPoint(LocalDate date, long newBookings, long cancellations, long reschedules, long noShows,
        long leads, long bookedAppointments, BigDecimal revenue) {

    public DailyPoint {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(revenue, "revenue");
    }
}
