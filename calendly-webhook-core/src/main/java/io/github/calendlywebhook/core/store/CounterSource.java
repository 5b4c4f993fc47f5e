package io.github.calendlywebhook.core.store;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The read side a store offers to {@link io.github.calendlywebhook.core.metrics.DashboardMetrics}: counters
 * maintained on every write, so that reading them costs the same however many events are stored.
 */
public interface CounterSource {

    /** The bucket key that leads are counted under; never an event type key. */
    String LEADS_KEY = "";

    /** Returns the time zone whose days the buckets are. */
    ZoneId zone();

    /**
     * Returns the all-time counters per event type key (leads under {@link #LEADS_KEY}).
     *
     * @param includeTest whether test deliveries are counted
     * @return the counters, only keys with data
     */
    Map<String, Counters> totals(boolean includeTest);

    /**
     * Returns the non-empty day buckets in a range, one per day and event type key.
     *
     * @param range the days
     * @param includeTest whether test deliveries are counted
     * @return the buckets, in no particular order
     */
    List<BucketCounters> daily(DateRange range, boolean includeTest);

    /** Returns the display names of the event types seen, by key. */
    Map<String, String> eventTypeNames();

    /**
     * Returns the most recently booked invitees, newest first.
     *
     * @param limit the maximum number, at least 1
     * @param includeTest whether test deliveries are included
     * @return the bookings
     */
    List<RecentBooking> recentBookings(int limit, boolean includeTest);
}
