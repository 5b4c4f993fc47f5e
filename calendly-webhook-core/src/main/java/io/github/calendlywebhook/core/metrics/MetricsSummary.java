package io.github.calendlywebhook.core.metrics;

import io.github.calendlywebhook.core.store.DateRange;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard numbers of a period, with the period just before it for comparison.
 *
 * @param period the period
 * @param range its days, or {@code null} for {@link Period#ALL_TIME}
 * @param currency the currency of {@code revenue}
 * @param current the numbers of the period
 * @param previous the numbers of the previous period of the same length, or {@code null} for all time
 * @param includesTest whether test deliveries were counted
 */
public record MetricsSummary(Period period, @Nullable DateRange range, Currency currency, PeriodNumbers current,
        @Nullable PeriodNumbers previous, boolean includesTest) {

    public MetricsSummary {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(current, "current");
    }

    /** Returns the currently active bookings made in the period. */
    public long bookedAppointments() {
        return current.bookedAppointments();
    }

    /** Returns the value of the booked appointments. */
    public BigDecimal revenue() {
        return current.revenue();
    }

    /** Returns new bookings divided by leads, or {@code null} when there are no leads. */
    public @Nullable BigDecimal bookingRate() {
        return current.bookingRate();
    }

    /** Returns why the booking rate is not available, or {@code null} when it is. */
    public @Nullable String bookingRateUnavailableReason() {
        return current.bookingRateUnavailableReason();
    }

    /** Returns the new bookings of the period. */
    public long newBookings() {
        return current.newBookings();
    }

    /** Returns the cancellations of the period. */
    public long cancellations() {
        return current.cancellations();
    }

    /** Returns the reschedules of the period. */
    public long reschedules() {
        return current.reschedules();
    }

    /** Returns the no-shows of the period. */
    public long noShows() {
        return current.noShows();
    }

    /** Returns the leads of the period. */
    public long leads() {
        return current.leads();
    }
}
