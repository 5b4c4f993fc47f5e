package io.github.calendlywebhook.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.store.JdbcSchema;
import io.github.calendlywebhook.core.testing.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audit entries recorded by many threads at once, committed together, are each kept exactly once. */
class JdbcAuditLogConcurrencyTest {

    private static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");
    private static final int ENTRIES = 800;

    @TempDir
    Path directory;

    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final List<JdbcConnectionPool> pools = new ArrayList<>();

    @AfterEach
    void stop() {
        executor.shutdownNow();
        pools.forEach(JdbcConnectionPool::dispose);
    }

    private static AuditEntry entry(int i) {
        Outcome outcome = i % 3 == 0 ? Outcome.DUPLICATE : Outcome.ACCEPTED;
        return AuditEntry.delivery(NOW.minusSeconds(i), outcome, "203.0.113.7", "invitee.created", "key-" + i, null,
                Duration.ofMillis(3), EventSource.WEBHOOK);
    }

    private void recordConcurrentlyAndCheck(DataSource dataSource) {
        JdbcSchema.create(dataSource);
        JdbcAuditLog log = JdbcAuditLog.create(dataSource);
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int i = 0; i < ENTRIES; i++) {
            AuditEntry entry = entry(i);
            writes.add(CompletableFuture.runAsync(() -> log.record(entry), executor));
        }

        CompletableFuture.allOf(writes.toArray(new CompletableFuture<?>[0])).join();

        Set<String> keys = new HashSet<>();
        for (int offset = 0; offset < ENTRIES; offset += AuditQuery.MAX_LIMIT) {
            log.query(new AuditQuery(null, null, null, null, null, offset, AuditQuery.MAX_LIMIT)).entries()
                    .forEach(entry -> keys.add(entry.eventKey()));
        }
        assertThat(keys).hasSize(ENTRIES).contains("key-0", "key-" + (ENTRIES - 1));
        long duplicates = (ENTRIES + 2) / 3;
        assertThat(log.countByOutcome(NOW.minusSeconds(ENTRIES)))
                .isEqualTo(Map.of(Outcome.DUPLICATE, duplicates, Outcome.ACCEPTED, ENTRIES - duplicates));
    }

    @Test
    void keepsEveryEntryRecordedByManyThreadsOnceOnH2() {
        JdbcConnectionPool pool = JdbcConnectionPool.create(
                "jdbc:h2:file:" + directory.resolve("audit").toAbsolutePath(), "sa", "");
        pools.add(pool);

        recordConcurrentlyAndCheck(pool);
    }

    @Test
    void keepsEveryEntryRecordedByManyThreadsOnceOnPostgres() {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start()) {
            JdbcConnectionPool pool = server.newDatabase();
            try {
                recordConcurrentlyAndCheck(pool);
            } finally {
                pool.dispose();
            }
        }
    }
}
