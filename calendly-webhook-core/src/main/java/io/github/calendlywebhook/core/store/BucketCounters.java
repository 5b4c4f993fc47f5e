package io.github.calendlywebhook.core.store;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The counters of one day and event type.
 *
 * @param day the day in the store's time zone
 * @param eventTypeKey the event type key, or {@link ProjectingEventStore#LEADS_KEY} for leads
 * @param counters the counters
 */
public record BucketCounters(LocalDate day, String eventTypeKey, Counters counters) {

    public BucketCounters {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(eventTypeKey, "eventTypeKey");
        Objects.requireNonNull(counters, "counters");
    }
}
