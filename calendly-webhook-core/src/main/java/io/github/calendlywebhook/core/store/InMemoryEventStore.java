package io.github.calendlywebhook.core.store;

import io.github.calendlywebhook.core.event.CalendlyEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The default store: events and the dashboard projection in memory, lost when the process ends.
 * Suitable for tests, for a single instance that can afford to forget, and for applications that only
 * react to events through listeners. Every operation holds one lock, so readers never see half an event.
 */
public final class InMemoryEventStore implements ProjectingEventStore {

    private final Projection projection;
    private final Map<String, StoredEvent> events = new LinkedHashMap<>();
    private final Map<String, RecordedLead> leads = new LinkedHashMap<>();
    private ProjectionState state;

    /** Creates a store whose days are UTC days. */
    public InMemoryEventStore() {
        this(ZoneOffset.UTC);
    }

    /**
     * Creates a store.
     *
     * @param zone the time zone whose days the dashboard counts in
     */
    public InMemoryEventStore(ZoneId zone) {
        this.projection = new Projection(zone);
        this.state = new ProjectionState(projection);
    }

    @Override
    public synchronized AppendResult append(StoredEvent event) {
        Objects.requireNonNull(event, "event");
        if (events.putIfAbsent(event.key(), event) != null) {
            return AppendResult.DUPLICATE;
        }
        state.apply(event);
        return AppendResult.STORED;
    }

    @Override
    public synchronized boolean recordLead(String leadId, Instant occurredAt, boolean test) {
        RecordedLead lead = new RecordedLead(leadId, occurredAt, test);
        if (leads.putIfAbsent(StoreKeys.fit(leadId), lead) != null) {
            return false;
        }
        state.apply(projection.recordedLead(occurredAt, test));
        return true;
    }

    /** Recomputes the projection from the parsed events it keeps; the decoder is not used. */
    @Override
    public synchronized void rebuildProjections(Function<byte[], CalendlyEvent> decoder) {
        ProjectionState rebuilt = new ProjectionState(projection);
        events.values().forEach(rebuilt::apply);
        leads.values().forEach(lead -> rebuilt.apply(projection.recordedLead(lead.occurredAt(), lead.test())));
        state = rebuilt;
    }

    /** Returns the number of stored events. */
    public synchronized int size() {
        return events.size();
    }

    /** Returns a snapshot of the stored events, in the order they were stored. */
    public synchronized List<StoredEvent> events() {
        return new ArrayList<>(events.values());
    }

    @Override
    public ZoneId zone() {
        return projection.zone();
    }

    @Override
    public synchronized Map<String, Counters> totals(boolean includeTest) {
        return state.totals(includeTest);
    }

    @Override
    public synchronized List<BucketCounters> daily(DateRange range, boolean includeTest) {
        return state.daily(range, includeTest);
    }

    @Override
    public synchronized Map<String, String> eventTypeNames() {
        return state.eventTypeNames();
    }

    @Override
    public synchronized List<RecentBooking> recentBookings(int limit, boolean includeTest) {
        return state.recentBookings(limit, includeTest);
    }
}
