package io.github.calendlywebhook.core.store;

import io.github.calendlywebhook.core.store.internal.GroupCommit;
import io.github.calendlywebhook.core.store.internal.JdbcAppendParticipant;
import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.store.internal.JdbcAppendingStore;
import io.github.calendlywebhook.core.store.internal.JdbcTransactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The durable store on a plain {@link DataSource} (H2 or PostgreSQL, no ORM). Each append writes the
 * raw event, the invitee or no-show state and the day and all-time counters in one transaction, so a
 * 2xx is only sent for an event that is fully applied; concurrent duplicates insert once and answer
 * {@link AppendResult#DUPLICATE}. Appends that arrive while a transaction is running are committed
 * together in the next one (group commit), each with its own result, and under load the next
 * transaction waits 0.3 ms for more of them; the store then needs one pooled
 * connection for its appends, however many requests arrive at once. The keys of the latest stored events
 * are remembered in memory ({@link StoredKeysCache}), so a redelivery of a recent event is answered
 * without a transaction. The tables come from the shipped schema scripts (see {@link JdbcSchema}).
 */
final class JdbcEventStore implements ProjectingEventStore, JdbcAppendingStore {

    /** The most concurrent appends one transaction takes. */
    private static final int MAX_BATCH = 64;
    /**
     * How long a transaction's leader waits for more appends under load: about the CPU time of a few
     * deliveries, well under a commit that writes to disk, and far below the latency a webhook sender
     * tolerates. A lone or sequential caller never waits (see {@link GroupCommit}).
     */
    private static final Duration LINGER = Duration.ofNanos(300_000);
    /**
     * The batches that read the stored keys first after one found an event stored already, and after a
     * start, when the redeliveries of events stored before it are not remembered yet. The recent ones are
     * answered from memory, so under a steady load a read would find nothing; once the reads stop, a
     * redelivery that reaches the database ends as a unique violation, still a duplicate, and the reads
     * start again.
     */
    static final int STORED_KEY_READS = 256;

    private final JdbcTransactions transactions;
    private final Projection projection;
    private final GroupCommit<StoredEvent, AppendResult> groupCommit;
    private final @Nullable JdbcAppendParticipant participant;
    private final StoredKeysCache storedKeys;
    private volatile @Nullable Dialect detected;
    /** The batches left that read the stored keys first; racy updates only move when the reads stop. */
    private volatile int storedKeyReads = STORED_KEY_READS;

    private JdbcEventStore(DataSource dataSource, ZoneId zone, @Nullable JdbcAppendParticipant participant,
            int rememberedKeys) {
        this.transactions = new JdbcTransactions(dataSource);
        this.storedKeys = new StoredKeysCache(rememberedKeys);
        this.projection = new Projection(zone);
        this.participant = participant;
        this.groupCommit = new GroupCommit<>(this::appendTogether, this::appendAlone, JdbcTransactions::unreachable,
                MAX_BATCH, GroupCommit.Linger.of(LINGER));
    }

    /**
     * Detects the database on first use, so an application can start while its database is down, and
     * refuses an H2 database whose tables predate the digest keys the statements look rows up by (until
     * they are keyed so: the check runs again on the next use).
     */
    private Dialect dialect(Connection connection) throws SQLException {
        Dialect dialect = detected;
        if (dialect == null) {
            dialect = Dialect.of(connection);
            String digestKeys = dialect.digestKeysScript();
            if (digestKeys != null && !JdbcSchema.digestKeys(connection)) {
                throw new StoreUnavailableException("the Calendly tables on H2 are not keyed by digests yet: run "
                        + digestKeys + ", or JdbcSchema.create(dataSource), which runs it");
            }
            detected = dialect;
        }
        return dialect;
    }

    /**
     * Returns a store on the data source whose days are days of the zone. Changing the zone later needs
     * a {@link #rebuildProjections(Function) rebuild}.
     *
     * @param dataSource an H2 or PostgreSQL data source whose tables exist
     * @param zone the time zone whose days the dashboard counts in
     * @return the store; the database is first contacted on first use
     */
    static JdbcEventStore create(DataSource dataSource, ZoneId zone) {
        return new JdbcEventStore(Objects.requireNonNull(dataSource, "dataSource"), Objects.requireNonNull(zone, "zone"),
                null, StoredKeysCache.DEFAULT_CAPACITY);
    }

    /**
     * Returns a store whose append transactions also carry the participant's rows (the listener
     * publications of a {@code ListenerDispatcher}, see its {@code storeParticipant()}).
     *
     * @param dataSource an H2 or PostgreSQL data source whose tables exist
     * @param zone the time zone whose days the dashboard counts in
     * @param participant writes its rows in each append transaction, for the newly stored events
     * @return the store; the database is first contacted on first use
     */
    static JdbcEventStore create(DataSource dataSource, ZoneId zone, JdbcAppendParticipant participant) {
        return new JdbcEventStore(Objects.requireNonNull(dataSource, "dataSource"), Objects.requireNonNull(zone, "zone"),
                Objects.requireNonNull(participant, "participant"), StoredKeysCache.DEFAULT_CAPACITY);
    }

    /** Returns a store that remembers the given number of stored keys, for tests of the cache. */
    static JdbcEventStore create(DataSource dataSource, ZoneId zone, int rememberedKeys) {
        return new JdbcEventStore(Objects.requireNonNull(dataSource, "dataSource"), Objects.requireNonNull(zone, "zone"),
                null, rememberedKeys);
    }

    @Override
    public @Nullable JdbcAppendParticipant appendParticipant() {
        return participant;
    }

    /**
     * Returns a store counting UTC days.
     *
     * @param dataSource an H2 or PostgreSQL data source whose tables exist
     * @return the store
     */
    static JdbcEventStore create(DataSource dataSource) {
        return create(dataSource, ZoneOffset.UTC);
    }

    @Override
    public AppendResult append(StoredEvent event) {
        Objects.requireNonNull(event, "event");
        // Hashed outside the cache's lock: a thread descheduled while holding it would stall the others.
        KeyDigests.Digest key = KeyDigests.of(StoreKeys.fit(event.key()));
        if (storedKeys.isStored(key)) {
            return AppendResult.DUPLICATE;
        }
        AppendResult result = groupCommit.submit(event);
        storedKeys.stored(key);
        return result;
    }

    /** Appends events in one transaction: all of them are committed, or none and an exception. */
    private List<AppendResult> appendTogether(List<StoredEvent> events) {
        return tellingParticipant(() -> transactions.inTransaction("could not store the events",
                connection -> appendBatch(connection, events)));
    }

    private AppendResult appendAlone(StoredEvent event) {
        return tellingParticipant(() -> transactions.inTransaction("could not store the event",
                connection -> appendBatch(connection, List.of(event)).get(0)));
    }

    /** Runs an append transaction and tells the participant, if any, how it ended. */
    private <T> T tellingParticipant(Supplier<T> transaction) {
        JdbcAppendParticipant told = participant;
        if (told == null) {
            return transaction.get();
        }
        boolean committed = false;
        try {
            T result = transaction.get();
            committed = true;
            return result;
        } finally {
            told.finished(committed);
        }
    }

    private List<AppendResult> appendBatch(Connection connection, List<StoredEvent> events) throws SQLException {
        int reads = storedKeyReads;
        JdbcAppendBatch batch = new JdbcAppendBatch(dialect(connection), projection, participant, reads > 0);
        List<AppendResult> results = batch.run(connection, events);
        if (batch.foundStored()) {
            storedKeyReads = STORED_KEY_READS;
        } else if (reads > 0) {
            storedKeyReads = reads - 1;
        }
        return results;
    }

    /** Returns the batches left that read the stored keys first, for tests. */
    int storedKeyReads() {
        return storedKeyReads;
    }

    @Override
    public boolean recordLead(String leadId, Instant occurredAt, boolean test) {
        RecordedLead lead = new RecordedLead(leadId, occurredAt, test);
        return transactions.inTransaction("could not record the lead", connection -> {
            Dialect dialect = dialect(connection);
            if (!JdbcLeads.insert(connection, dialect, lead)) {
                return false;
            }
            new JdbcBuckets(dialect).apply(connection, projection.recordedLead(occurredAt, test), Map.of());
            return true;
        });
    }

    @Override
    public void rebuildProjections(Function<byte[], CalendlyEvent> decoder) {
        Objects.requireNonNull(decoder, "decoder");
        transactions.inTransaction("could not rebuild the projections",
                connection -> new JdbcRebuild(dialect(connection), projection).run(connection, decoder));
    }

    @Override
    public ZoneId zone() {
        return projection.zone();
    }

    @Override
    public Map<String, Counters> totals(boolean includeTest) {
        return transactions.withConnection("could not read the counters", c -> JdbcBuckets.totals(c, includeTest));
    }

    @Override
    public List<BucketCounters> daily(DateRange range, boolean includeTest) {
        return transactions.withConnection("could not read the counters", c -> JdbcBuckets.daily(c, range, includeTest));
    }

    @Override
    public Map<String, String> eventTypeNames() {
        return transactions.withConnection("could not read the event types", JdbcBuckets::names);
    }

    @Override
    public List<RecentBooking> recentBookings(int limit, boolean includeTest) {
        return transactions.withConnection("could not read the recent bookings",
                c -> JdbcRecentBookings.read(c, limit, includeTest));
    }
}
