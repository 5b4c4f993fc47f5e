package io.github.calendlywebhook.core.store;

import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.event.EventTypeRef;
import io.github.calendlywebhook.core.event.InviteeCreatedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole projection held in memory: per-invitee and per-no-show state and day and all-time buckets,
 * as a rebuild computes it; the in-memory store keeps only its buckets here. Not thread-safe; callers
 * serialize access.
 */
final class ProjectionState {

    private final Projection projection;
    private final Map<String, InviteeState> invitees = new HashMap<>();
    private final Map<String, NoShowState> noShows = new HashMap<>();
    private final TreeMap<BucketKey, Counters> daily = new TreeMap<>();
    private final TreeMap<BucketKey.TotalKey, Counters> totals = new TreeMap<>();
    private final Map<String, String> eventTypeNames = new HashMap<>();

    ProjectionState(Projection projection) {
        this.projection = projection;
    }

    /** Applies one stored event. */
    void apply(StoredEvent stored) {
        CalendlyEvent event = stored.event();
        String inviteeUri = Projection.inviteeUri(event);
        String noShowUri = Projection.noShowUri(event);
        ProjectionStep step = projection.apply(stored, inviteeUri == null ? null : invitees.get(inviteeUri),
                noShowUri == null ? null : noShows.get(noShowUri));
        apply(step);
        recordEventTypeName(event);
    }

    /**
     * Applies the counter changes of a step whose states the caller keeps, and records the event type
     * name the event carries.
     */
    void applyCounters(ProjectionStep step, CalendlyEvent event) {
        apply(new ProjectionStep(null, null, step.deltas()));
        recordEventTypeName(event);
    }

    private void recordEventTypeName(CalendlyEvent event) {
        if (event instanceof InviteeCreatedEvent) {
            EventTypeRef type = ((InviteeCreatedEvent) event).invitee().scheduledEvent().eventType();
            if (type.name() != null) {
                eventTypeNames.put(StoreKeys.fit(type.key()), type.name());
            }
        }
    }

    /** Applies the changes of one event or recorded lead. */
    void apply(ProjectionStep step) {
        InviteeState invitee = step.invitee();
        if (invitee != null) {
            invitees.put(invitee.uri(), invitee);
        }
        if (step.noShow() != null) {
            noShows.put(step.noShow().uri(), step.noShow());
        }
        step.deltas().forEach((key, delta) -> merge(daily, key, delta));
        step.totalDeltas().forEach((key, delta) -> merge(totals, key, delta));
    }

    Map<String, Counters> totals(boolean includeTest) {
        Map<String, Counters> result = new HashMap<>();
        totals.forEach((key, counters) -> {
            if (includeTest || !key.test()) {
                result.merge(key.eventTypeKey(), counters, Counters::plus);
            }
        });
        return result;
    }

    List<BucketCounters> daily(DateRange range, boolean includeTest) {
        Map<BucketKey, Counters> merged = new TreeMap<>();
        daily.subMap(new BucketKey(range.from(), "", false), true, new BucketKey(range.to().plusDays(1), "", false), false)
                .forEach((key, counters) -> {
                    if (includeTest || !key.test()) {
                        merged.merge(new BucketKey(key.day(), key.eventTypeKey(), false), counters, Counters::plus);
                    }
                });
        List<BucketCounters> result = new ArrayList<>(merged.size());
        merged.forEach((key, counters) -> result.add(new BucketCounters(key.day(), key.eventTypeKey(), counters)));
        return result;
    }

    Map<String, String> eventTypeNames() {
        return Map.copyOf(eventTypeNames);
    }

    Map<String, InviteeState> invitees() {
        return invitees;
    }

    Map<String, NoShowState> noShows() {
        return noShows;
    }

    Map<BucketKey, Counters> dailyBuckets() {
        return daily;
    }

    Map<BucketKey.TotalKey, Counters> totalBuckets() {
        return totals;
    }

    Map<String, String> names() {
        return eventTypeNames;
    }

    LocalDate dayOf(Instant instant) {
        return projection.dayOf(instant);
    }

    private static <K> void merge(Map<K, Counters> buckets, K key, Counters delta) {
        Counters sum = buckets.getOrDefault(key, Counters.ZERO).plus(delta);
        if (sum.isZero()) {
            buckets.remove(key);
        } else {
            buckets.put(key, sum);
        }
    }
}
