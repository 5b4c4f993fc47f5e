package io.github.calendlywebhook.core.store;

import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.event.CalendlyEventParser;
import java.util.function.Function;

/**
 * An event store that also maintains the dashboard projection in the same atomic step as each append,
 * and offers its counters to {@link io.github.calendlywebhook.core.metrics.DashboardMetrics}.
 */
public interface ProjectingEventStore extends EventStore, CounterSource, LeadRecorder {

    /**
     * Recomputes every counter and per-invitee state from the stored raw events and recorded leads
     * (after a change of definitions or a restore), giving the same numbers as the incremental updates.
     * The in-memory store and PostgreSQL make appends wait until it completes; on H2, run it while no
     * deliveries arrive.
     *
     * @param decoder turns a stored raw body back into its event, usually
     *     {@code CalendlyEventParser.create()::parse}; stores that keep parsed events may not need it
     * @throws StoreUnavailableException when the store cannot be read or written
     */
    void rebuildProjections(Function<byte[], CalendlyEvent> decoder);

    /**
     * Recomputes every counter and per-invitee state from the stored raw events, parsed again with
     * {@link CalendlyEventParser}.
     *
     * @throws StoreUnavailableException when the store cannot be read or written
     */
    default void rebuildProjections() {
        CalendlyEventParser parser = CalendlyEventParser.create();
        rebuildProjections(parser::parse);
    }
}
