package io.github.calendlywebhook.dashboard.read;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of {@code GET /api/metrics} and of every live snapshot. Amounts are decimal strings so no
 * client rounds them through a floating-point number; the booking rate is a fraction (0.25 = 25 %).
 *
 * @param period the period code
 * @param from the first day of the period, or {@code null} for all time
 * @param to the last day of the period, or {@code null} for all time
 * @param timezone the time zone of the days
 * @param generatedAt when the numbers were read
 * @param bookedAppointments bookings of the period that are active now
 * @param revenue the value of those bookings
 * @param currency the ISO 4217 currency of every amount
 * @param bookingRate new bookings divided by leads, or {@code null} when there were no leads
 * @param bookingRateUnavailableReason why the rate is not available, or {@code null}
 * @param newBookings new bookings (reschedules excluded)
 * @param cancellations cancellations (reschedules excluded)
 * @param reschedules reschedules
 * @param noShows no-shows marked minus unmarked
 * @param leads routing form submissions plus recorded leads
 * @param previous the same numbers for the period before, or {@code null} for all time
 * @param daily one point per day of the chart range
 * @param byEventType the numbers per event type
 * @param recentBookings the latest bookings, newest first
 * @param includesTestEvents whether test deliveries are counted
 */
public record MetricsView(
        String period,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        String timezone,
        Instant generatedAt,
        long bookedAppointments,
        String revenue,
        String currency,
        @Nullable BigDecimal bookingRate,
        @Nullable String bookingRateUnavailableReason,
        long newBookings,
        long cancellations,
        long reschedules,
        long noShows,
        long leads,
        @Nullable Previous previous,
        List<Day> daily,
        List<EventType> byEventType,
        List<Booking> recentBookings,
        boolean includesTestEvents) {

    /**
     * The numbers of the previous period, for the change shown next to each counter.
     *
     * @param bookedAppointments bookings of that period active now
     * @param revenue their value
     * @param bookingRate the rate, or {@code null}
     * @param newBookings new bookings
     * @param cancellations cancellations
     * @param reschedules reschedules
     * @param noShows no-shows
     * @param leads leads
     */
    public record Previous(long bookedAppointments, String revenue, @Nullable BigDecimal bookingRate, long newBookings,
            long cancellations, long reschedules, long noShows, long leads) {
    }

    /**
     * One day of the chart.
     *
     * @param date the day
     * @param newBookings new bookings
     * @param cancellations cancellations
     * @param reschedules reschedules
     * @param noShows no-shows
     * @param leads leads
     * @param revenue the value of the day's bookings active now
     */
    public record Day(LocalDate date, long newBookings, long cancellations, long reschedules, long noShows, long leads,
            String revenue) {
    }

    /**
     * The numbers of one event type in the period.
     *
     * @param key the event type key
     * @param name its display name, if known
     * @param bookedAppointments active bookings
     * @param newBookings new bookings
     * @param cancellations cancellations
     * @param reschedules reschedules
     * @param noShows no-shows
     * @param revenue the value of the active bookings
     * @param valuePerBooking the value of one unpaid booking of this type
     */
    public record EventType(String key, @Nullable String name, long bookedAppointments, long newBookings,
            long cancellations, long reschedules, long noShows, String revenue, String valuePerBooking) {
    }

    /**
     * One recent booking. E-mail addresses are left out: the page may be on a wall screen.
     *
     * @param name the invitee's name, as text
     * @param eventType the event type name
     * @param startTime when the meeting starts, if known
     * @param bookedAt when it was booked
     * @param status {@code active}, {@code canceled} or {@code rescheduled}
     * @param noShow whether the invitee was marked as a no-show
     * @param test whether it came from a test delivery
     */
    public record Booking(@Nullable String name, @Nullable String eventType, @Nullable Instant startTime,
            Instant bookedAt, String status, boolean noShow, boolean test) {
    }
}
