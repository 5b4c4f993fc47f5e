package io.github.calendlywebhook.core.metrics;

import io.github.calendlywebhook.core.store.Counters;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard numbers of one period.
 *
 * @param bookedAppointments bookings made in the period that are currently active (all time: every
 *     active booking)
 * @param newBookings creates that are not the new half of a reschedule
 * @param cancellations cancels that are not half of a reschedule
 * @param reschedules cancels that are half of a reschedule
 * @param noShows no-show marks created minus deleted
 * @param leads routing form submissions plus recorded leads
 * @param revenue the value of {@code bookedAppointments}: paid amounts, else the configured values, rounded
 *     to the currency's minor unit
 * @param bookingRate {@code newBookings / leads} rounded to four decimals, or {@code null} when there are no leads
 * @param bookingRateUnavailableReason why {@code bookingRate} is {@code null}, else {@code null}
 */
public record PeriodNumbers(long bookedAppointments, long newBookings, long cancellations, long reschedules,
        long noShows, long leads, BigDecimal revenue, @Nullable BigDecimal bookingRate,
        @Nullable String bookingRateUnavailableReason) {

    /** The reason given when a period has no leads. */
    public static final String NO_LEADS_REASON = "No leads in this period: connect a routing form or record leads";

    public PeriodNumbers {
        Objects.requireNonNull(revenue, "revenue");
        if ((bookingRate == null) == (bookingRateUnavailableReason == null)) {
            throw new IllegalArgumentException("exactly one of bookingRate and its unavailable reason must be set");
        }
    }

    /**
     * Returns the numbers for the counters of a period, computing the rate from them.
     *
     * @param counters the summed counters
     * @param revenue the revenue of the active bookings
     * @return the numbers
     */
    public static PeriodNumbers of(Counters counters, BigDecimal revenue) {
        long leads = counters.leads();
        BigDecimal rate = leads <= 0 ? null
                : BigDecimal.valueOf(counters.newBookings()).divide(BigDecimal.valueOf(leads), 4, RoundingMode.HALF_UP);
        return new PeriodNumbers(counters.activeBookings(), counters.newBookings(), counters.cancellations(),
                counters.reschedules(), counters.noShows(), leads, revenue, rate, rate == null ? NO_LEADS_REASON : null);
    }
}
