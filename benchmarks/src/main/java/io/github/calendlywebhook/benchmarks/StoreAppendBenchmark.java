package io.github.calendlywebhook.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Durable appends per second: the library's JDBC store (idempotent insert plus the dashboard
 * counters, one transaction) against the floor of durability on the same database, a plain single-row
 * {@code INSERT} of the same body followed by a commit.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Benchmark)
public class StoreAppendBenchmark {

    /** The database: {@code h2} (file) or {@code postgres} (embedded server). */
    @Param({"h2", "postgres"})
    public String database;

    private Database db;
    private final AtomicLong ids = new AtomicLong();
    private final byte[] body = Payloads.inviteeCreated(1024, 0);

    /** Starts the database and creates the baseline table. */
    @Setup
    public void setUp() throws SQLException {
        db = Database.start(database);
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE plain_events (id BIGINT PRIMARY KEY, body VARCHAR(262144) NOT NULL)");
        }
    }

    /** Stops the database. */
    @TearDown
    public void tearDown() {
        db.close();
    }

    /** One connection per thread for the baseline. */
    @State(Scope.Thread)
    public static class PlainInsert {

        Connection connection;
        PreparedStatement insert;

        /**
         * Opens the connection.
         *
         * @param benchmark the shared state
         * @throws SQLException when the database refuses
         */
        @Setup(Level.Trial)
        public void open(StoreAppendBenchmark benchmark) throws SQLException {
            connection = benchmark.db.dataSource().getConnection();
            connection.setAutoCommit(false);
            insert = connection.prepareStatement("INSERT INTO plain_events (id, body) VALUES (?, ?)");
        }

        /**
         * Closes the connection.
         *
         * @throws SQLException when closing fails
         */
        @TearDown(Level.Trial)
        public void close() throws SQLException {
            insert.close();
            connection.close();
        }
    }

    /**
     * Inserts one row and commits.
     *
     * @param plain the thread's connection
     * @return the row count
     * @throws SQLException when the database refuses
     */
    @Benchmark
    public int plainInsertCommit(PlainInsert plain) throws SQLException {
        plain.insert.setLong(1, ids.incrementAndGet());
        plain.insert.setString(2, new String(body, java.nio.charset.StandardCharsets.UTF_8));
        int rows = plain.insert.executeUpdate();
        plain.connection.commit();
        return rows;
    }
}
