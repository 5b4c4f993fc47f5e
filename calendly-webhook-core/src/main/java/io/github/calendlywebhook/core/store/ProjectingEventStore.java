package io.github.calendlywebhook.core.store;

import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.event.CalendlyEventParser;
import io.github.calendlywebhook.core.store.internal.JdbcAppendParticipant;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * An event store that also maintains the dashboard projection in the same atomic step as each append:
 * counters maintained on every write, offered to {@link io.github.calendlywebhook.core.metrics.DashboardMetrics}
 * so that reading them costs the same however many events are stored, and the leads recorded by other
 * means than a routing form.
 */
public interface ProjectingEventStore extends EventStore {

    /** The bucket key that leads are counted under; never an event type key. */
    String LEADS_KEY = "";

    /**
     * Returns the durable store on a plain data source (H2 or PostgreSQL, no ORM) counting UTC days.
     *
     * @param dataSource an H2 or PostgreSQL data source whose tables exist
     * @return the store; the database is first contacted on first use
     * @see #jdbc(DataSource, ZoneId)
     */
    static ProjectingEventStore jdbc(DataSource dataSource) {
        return jdbc(dataSource, ZoneOffset.UTC);
    }

    /**
     * Returns the durable store on a plain data source (H2 or PostgreSQL, no ORM). Each append writes the
     * raw event, the invitee or no-show state and the day and all-time counters in one transaction;
     * concurrent duplicates insert once and answer {@link AppendResult#DUPLICATE}; appends that arrive
     * while a transaction runs are committed together in the next one (group commit). The tables come from
     * the shipped schema scripts (see {@link JdbcSchema}). With listeners whose publications are kept in
     * the same database, create the store with {@code ListenerDispatcher.jdbcEventStore} instead.
     *
     * @param dataSource an H2 or PostgreSQL data source whose tables exist
     * @param zone the time zone whose days the dashboard counts in; changing it later needs a rebuild
     * @return the store; the database is first contacted on first use
     */
    static ProjectingEventStore jdbc(DataSource dataSource, ZoneId zone) {
        return JdbcEventStore.create(dataSource, zone);
    }

    /**
     * Returns the durable store whose append transactions also carry a participant's rows: what
     * {@code ListenerDispatcher.jdbcEventStore} uses for the listener publications.
     *
     * @param dataSource an H2 or PostgreSQL data source whose tables exist
     * @param zone the time zone whose days the dashboard counts in
     * @param participant writes its rows in each append transaction, for the newly stored events
     * @return the store; the database is first contacted on first use
     */
    static ProjectingEventStore jdbc(DataSource dataSource, ZoneId zone, JdbcAppendParticipant participant) {
        return JdbcEventStore.create(dataSource, zone, Objects.requireNonNull(participant, "participant"));
    }

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

    /**
     * Records a lead that reached the application by other means than a routing form (a contact form, a
     * landing page), so that the consultation booking rate has a denominator. A second call with the same
     * id changes nothing.
     *
     * @param leadId the caller's id for the lead, not blank
     * @param occurredAt when the lead arrived; decides the day it counts for
     * @param test whether this is a test lead, kept out of business numbers by default
     * @return {@code true} when the lead was new
     * @throws StoreUnavailableException when it cannot be recorded
     */
    boolean recordLead(String leadId, Instant occurredAt, boolean test);

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
