package io.github.calendlywebhook.benchmarks;

import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.event.CalendlyEventParser;
import io.github.calendlywebhook.core.store.AppendResult;
import io.github.calendlywebhook.core.store.ProjectingEventStore;
import io.github.calendlywebhook.core.store.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Durable appends per second: the library's JDBC store (idempotent insert of the raw event, invitee
 * state and the day and all-time counters, one transaction) against the floor of durability on the same
 * database and pool, a plain single-row {@code INSERT} of the same body followed by a commit. Each
 * iteration appends events never stored before, parsed ahead of the iteration. The {@code Concurrent}
 * variants run the same operations from {@value #CONCURRENT_THREADS} threads at once. {@code libraryRedelivery}
 * appends again one of {@value #REDELIVERED} events stored at setup, as a retry or a replay does.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Benchmark)
public class StoreAppendBenchmark {

    /** The threads of the concurrent benchmarks, twice the pool size as in a busy servlet container. */
    static final int CONCURRENT_THREADS = 8;
    /** The events stored at setup that {@link #libraryRedelivery} appends again. */
    static final int REDELIVERED = 1_000;
    private static final int BODY_SIZE = 1024;
    private static final Instant RECEIVED_AT = Instant.ofEpochSecond(Payloads.TIMESTAMP);

    /**
     * The database: {@code h2} (file, H2's default 500 ms write delay), {@code h2-sync} (file written on
     * every commit, as the dashboard runs it) or {@code postgres} (embedded server).
     */
    @Param({"h2", Database.H2_SYNC, "postgres"})
    public String database;

    /** New events parsed ahead of each iteration; more than any database here appends in one. */
    @Param("40000")
    public int prepared;

    private final AtomicLong ids = new AtomicLong();
    private final byte[] body = Payloads.inviteeCreated(BODY_SIZE, 0);
    private Database db;
    private ProjectingEventStore store;
    private final StoredEvent[] redelivered = new StoredEvent[REDELIVERED];
    private final AtomicInteger redeliveryCursor = new AtomicInteger();

    /**
     * Starts the database, creates the store's schema and the baseline table.
     *
     * @throws SQLException when the database refuses
     */
    @Setup
    public void setUp() throws SQLException {
        db = Database.start(database);
        store = ProjectingEventStore.jdbc(db.dataSource());
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE plain_event (id BIGINT PRIMARY KEY, body "
                    + (db.isPostgres() ? "BYTEA" : "VARBINARY") + " NOT NULL)");
        }
        CalendlyEventParser parser = CalendlyEventParser.create();
        for (int i = 0; i < REDELIVERED; i++) {
            byte[] stored = Payloads.inviteeCreated(BODY_SIZE, -1 - i);
            redelivered[i] = StoredEvent.of(parser.parse(stored), stored, RECEIVED_AT, EventSource.WEBHOOK);
            store.append(redelivered[i]);
        }
    }

    /** Events never appended before, parsed ahead of each iteration. */
    @State(Scope.Benchmark)
    public static class NewEvents {

        private final CalendlyEventParser parser = CalendlyEventParser.create();
        private final AtomicInteger cursor = new AtomicInteger();
        private long nextIndex;
        private StoredEvent[] events = new StoredEvent[0];

        /**
         * Parses the events of the next iteration.
         *
         * @param benchmark the benchmark, which says how many
         */
        @Setup(Level.Iteration)
        public void prepare(StoreAppendBenchmark benchmark) {
            events = new StoredEvent[benchmark.prepared];
            for (int i = 0; i < events.length; i++) {
                byte[] body = Payloads.inviteeCreated(BODY_SIZE, nextIndex++);
                events[i] = StoredEvent.of(parser.parse(body), body, RECEIVED_AT, EventSource.WEBHOOK);
            }
            cursor.set(0);
        }

        StoredEvent next() {
            return events[Math.floorMod(cursor.getAndIncrement(), events.length)];
        }
    }

    /** Stops the database. */
    @TearDown
    public void tearDown() {
        db.close();
    }

    /**
     * Appends one new event through the library's store.
     *
     * @param events the prepared events
     * @return the result, {@code STORED} unless an iteration outran the prepared events
     */
    @Benchmark
    public AppendResult libraryAppend(NewEvents events) {
        return store.append(events.next());
    }

    /**
     * Appends one new event through the library's store from each of several threads at once, as a
     * servlet container does, so that concurrent appends share commits.
     *
     * @param events the prepared events
     * @return the result, {@code STORED} unless an iteration outran the prepared events
     */
    @Benchmark
    @Threads(CONCURRENT_THREADS)
    public AppendResult libraryAppendConcurrent(NewEvents events) {
        return store.append(events.next());
    }

    /**
     * Inserts one row and commits from each of several threads at once, borrowing connections from the
     * same pool: the floor of durability under concurrency.
     *
     * @return the row count
     * @throws SQLException when the database refuses
     */
    @Benchmark
    @Threads(CONCURRENT_THREADS)
    public int plainInsertCommitConcurrent() throws SQLException {
        return plainInsertCommit();
    }

    /**
     * Appends again an event stored at setup, as Calendly's retry of a delivery whose answer was lost does.
     *
     * @return the result, {@code DUPLICATE}
     */
    @Benchmark
    public AppendResult libraryRedelivery() {
        return store.append(redelivered[Math.floorMod(redeliveryCursor.getAndIncrement(), REDELIVERED)]);
    }

    /**
     * Inserts one row and commits, borrowing the connection from the same pool.
     *
     * @return the row count
     * @throws SQLException when the database refuses
     */
    @Benchmark
    public int plainInsertCommit() throws SQLException {
        try (Connection connection = db.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO plain_event (id, body) VALUES (?, ?)")) {
                insert.setLong(1, ids.incrementAndGet());
                insert.setBytes(2, body);
                int rows = insert.executeUpdate();
                connection.commit();
                return rows;
            }
        }
    }
}
