package io.github.calendlywebhook.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.store.JdbcSchema;
import io.github.calendlywebhook.core.testing.SwitchableDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery outcomes recorded with {@code recordSoon} are written by the writer thread after the caller
 * returns: each exactly once, visible to every read, kept while the database is down and written once it
 * is back, and bounded in number.
 */
class JdbcAuditWriteBehindTest {

    private static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");

    @TempDir
    Path directory;

    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private JdbcConnectionPool pool;
    private SwitchableDataSource database;

    @BeforeEach
    void start() {
        pool = JdbcConnectionPool.create("jdbc:h2:file:" + directory.resolve("audit").toAbsolutePath(), "sa", "");
        JdbcSchema.create(pool);
        database = new SwitchableDataSource(pool);
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
        pool.dispose();
    }

    private static AuditEntry entry(int i) {
        return AuditEntry.delivery(NOW.minusSeconds(i), Outcome.ACCEPTED, "203.0.113.7", "invitee.created", "key-" + i,
                null, Duration.ofMillis(3), EventSource.WEBHOOK);
    }

    private long rows() throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM calendly_audit")) {
            result.next();
            return result.getLong(1);
        }
    }

    private long rowsOnceWritten(long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long rows = rows();
        while (rows < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            rows = rows();
        }
        return rows;
    }

    private Set<String> keysRead(JdbcAuditLog log, int total) {
        Set<String> keys = new HashSet<>();
        for (int offset = 0; offset < total; offset += AuditQuery.MAX_LIMIT) {
            log.query(new AuditQuery(null, null, null, null, null, offset, AuditQuery.MAX_LIMIT)).entries()
                    .forEach(entry -> keys.add(entry.eventKey()));
        }
        return keys;
    }

    @Test
    void writesEveryEntryOnceWithoutBeingAsked() throws Exception {
        JdbcAuditLog log = JdbcAuditLog.create(database.dataSource());
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            AuditEntry entry = entry(i);
            calls.add(CompletableFuture.runAsync(() -> log.recordSoon(entry), executor));
        }
        CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).join();

        assertThat(rowsOnceWritten(600)).isEqualTo(600);
        assertThat(keysRead(log, 600)).hasSize(600).contains("key-0", "key-599");
    }

    @Test
    void aReadSeesWhatWasRecordedBeforeIt() {
        JdbcAuditLog log = JdbcAuditLog.create(database.dataSource());
        for (int i = 0; i < 300; i++) {
            log.recordSoon(entry(i));
        }

        assertThat(log.countByOutcome(NOW.minusSeconds(1_000))).containsEntry(Outcome.ACCEPTED, 300L);
    }

    @Test
    void keepsEntriesWhileTheDatabaseIsDownAndWritesThemOnceItIsBack() throws Exception {
        JdbcAuditLog log = JdbcAuditLog.create(database.dataSource());
        database.down(true);
        for (int i = 0; i < 50; i++) {
            log.recordSoon(entry(i));
        }
        Thread.sleep(300);
        assertThat(rows()).isZero();

        database.down(false);

        assertThat(rowsOnceWritten(50)).isEqualTo(50);
        log.flush();
        assertThat(rows()).isEqualTo(50);
        assertThat(log.dropped()).isZero();
    }

    @Test
    void dropsAndCountsWhatExceedsTheQueueWhileTheDatabaseIsDown() throws Exception {
        JdbcAuditLog log = JdbcAuditLog.create(database.dataSource());
        database.down(true);
        for (int i = 0; i < JdbcAuditLog.MAX_PENDING + 7; i++) {
            log.recordSoon(entry(i));
        }

        assertThat(log.dropped()).isEqualTo(7);
        database.down(false);
        log.flush();
        assertThat(rows()).isEqualTo(JdbcAuditLog.MAX_PENDING);
    }

    @Test
    void flushWritesSynchronously() throws Exception {
        JdbcAuditLog log = JdbcAuditLog.create(database.dataSource());
        for (int i = 0; i < 100; i++) {
            log.recordSoon(entry(i));
        }

        log.flush();

        assertThat(rows()).isEqualTo(100);
    }
}
