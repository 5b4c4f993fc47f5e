package io.github.calendlywebhook.core.metrics;

import io.github.calendlywebhook.core.store.RevenueSettingsStore;
import io.github.calendlywebhook.core.store.RecentBooking;
import io.github.calendlywebhook.core.store.DateRange;
import io.github.calendlywebhook.core.store.ProjectingEventStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The dashboard numbers, read from counters a store maintains on every write: reading costs the same at
 * ten events and at ten million. Test deliveries are left out unless a method is asked to include them.
 */
public interface DashboardMetrics {

    /**
     * Returns the numbers of a period and of the period before it, without test deliveries.
     *
     * @param period the period
     * @return the summary
     */
    default MetricsSummary summary(Period period) {
        return summary(period, false);
    }

    /**
     * Returns the numbers of a period and of the period before it.
     *
     * @param period the period
     * @param includeTest whether test deliveries are counted
     * @return the summary
     */
    MetricsSummary summary(Period period, boolean includeTest);

    /**
     * Returns one point per day of the range without test deliveries, days without data as zeros.
     *
     * @param range the days, at most 3660 of them
     * @return the points, oldest first
     */
    default List<DailyPoint> daily(DateRange range) {
        return daily(range, false);
    }

    /**
     * Returns one point per day of the range, days without data included as zeros.
     *
     * @param range the days, at most 3660 of them
     * @param includeTest whether test deliveries are counted
     * @return the points, oldest first
     */
    List<DailyPoint> daily(DateRange range, boolean includeTest);

    /**
     * Returns the numbers of a period per event type without test deliveries, most booked first.
     *
     * @param period the period
     * @return one entry per event type with data in the period
     */
    default List<EventTypeBreakdown> breakdown(Period period) {
        return breakdown(period, false);
    }

    /**
     * Returns the numbers of a period per event type, most booked first.
     *
     * @param period the period
     * @param includeTest whether test deliveries are counted
     * @return one entry per event type with data in the period
     */
    List<EventTypeBreakdown> breakdown(Period period, boolean includeTest);

    /**
     * Returns the most recently booked invitees without test bookings, newest first.
     *
     * @param limit the maximum number, at least 1
     * @return the bookings
     */
    default List<RecentBooking> recentBookings(int limit) {
        return recentBookings(limit, false);
    }

    /**
     * Returns the most recently booked invitees, newest first.
     *
     * @param limit the maximum number, at least 1
     * @param includeTest whether test bookings are included
     * @return the bookings
     */
    List<RecentBooking> recentBookings(int limit, boolean includeTest);

    /** Returns the time zone whose days the periods are. */
    ZoneId zone();

    /** Returns the current day in {@link #zone()}. */
    LocalDate today();

    /**
     * Returns the metrics computed from a store's counters.
     *
     * @param source the counters, usually the event store
     * @param settings the revenue settings, read on every call
     * @param clock the clock that decides "today"
     * @return the metrics
     */
    static DashboardMetrics create(ProjectingEventStore source, RevenueSettingsStore settings, Clock clock) {
        return new CounterMetrics(source, settings, clock);
    }
}
