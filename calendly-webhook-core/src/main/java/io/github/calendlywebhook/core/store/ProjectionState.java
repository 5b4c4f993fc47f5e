package io.github.calendlywebhook.core.store;

import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.event.EventTypeRef;
import io.github.calendlywebhook.core.event.InviteeCreatedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The whole projection held in memory: per-invitee and per-no-show state, day and all-time buckets, and
 * an index of bookings by time. Not thread-safe; callers serialize access.
 */
final class ProjectionState {

    private static final Comparator<InviteeState> NEWEST_FIRST = Comparator
            .comparing((InviteeState s) -> s.bookedAt(), Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
            .thenComparing(InviteeState::uri);

    private final Projection projection;
    private final Map<String, InviteeState> invitees = new HashMap<>();
    private final Map<String, NoShowState> noShows = new HashMap<>();
    private final TreeMap<BucketKey, Counters> daily = new TreeMap<>();
    private final TreeMap<BucketKey.TotalKey, Counters> totals = new TreeMap<>();
    private final Map<String, String> eventTypeNames = new HashMap<>();
    private final TreeSet<InviteeState> byBookingTime = new TreeSet<>(NEWEST_FIRST);

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
            InviteeState previous = invitees.put(invitee.uri(), invitee);
            if (previous != null && previous.created()) {
                byBookingTime.remove(previous);
            }
            if (invitee.created()) {
                byBookingTime.add(invitee);
            }
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

    List<RecentBooking> recentBookings(int limit, boolean includeTest) {
        List<RecentBooking> result = new ArrayList<>(Math.min(limit, 64));
        for (InviteeState state : byBookingTime) {
            if (result.size() >= limit) {
                break;
            }
            if (includeTest || !state.test()) {
                result.add(state.toRecentBooking());
            }
        }
        return result;
    }

    /** Forgets an invitee's state; its counted changes stay in the buckets. */
    void forgetInvitee(String uri) {
        InviteeState forgotten = invitees.remove(uri);
        if (forgotten != null && forgotten.created()) {
            byBookingTime.remove(forgotten);
        }
    }

    /** Forgets a no-show mark's state; its counted changes stay in the buckets. */
    void forgetNoShow(String uri) {
        noShows.remove(uri);
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
