package io.github.calendlywebhook.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the compaction of an embedded H2 file does to a real file, and on which databases it runs. */
class H2FileCompactionTest {

    @TempDir
    Path dir;

    @Test
    void aCompactedFileReusesTheSpaceOfItsDeadChunks() throws Exception {
        long[] without = grow("without", false);
        long[] with = grow("with", true);
        // Without compaction the second half grows the file about as much as the first did; with it, far less.
        assertThat(without[1] - without[0]).isGreaterThan(without[0] / 2);
        assertThat(with[1] - with[0]).isLessThan((without[1] - without[0]) / 3);
    }

    @Test
    void onlyAnEmbeddedFileHasAStoreToCompact() throws SQLException {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:compaction");
        try (Connection connection = memory.getConnection()) {
            assertThat(H2FileStore.of(connection)).isNull();
        }
        JdbcConnectionPool file = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("pooled"), "sa", "");
        try (Connection connection = file.getConnection()) {
            assertThat(H2FileStore.of(connection)).isNotNull();
        } finally {
            file.dispose();
        }
    }

    @Test
    void theRunsStopOnADatabaseWithoutAFileAndGoOnWithOne() throws SQLException {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:compaction-runs;DB_CLOSE_DELAY=-1");
        H2FileCompaction inMemory = H2FileCompaction.start(memory, () -> true, Duration.ofHours(1));
        assertThat(inMemory.running()).isTrue();
        inMemory.run();
        assertThat(inMemory.running()).isFalse();

        JdbcDataSource file = new JdbcDataSource();
        file.setURL("jdbc:h2:file:" + dir.resolve("runs") + ";WRITE_DELAY=0");
        H2FileCompaction onFile = H2FileCompaction.start(file, () -> true, Duration.ofHours(1));
        try {
            onFile.run();
            assertThat(onFile.running()).isTrue();
        } finally {
            onFile.stop();
        }
        assertThat(onFile.running()).isFalse();
    }

    @Test
    void untilTheTablesAreInstalledARunDoesNothing() {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:compaction-not-ready");
        H2FileCompaction compaction = H2FileCompaction.start(memory, () -> false, Duration.ofHours(1));
        compaction.run();
        assertThat(compaction.running()).isTrue();
        compaction.stop();
    }

    @Test
    void theGateRefusesANegativeIntervalAndTakesZeroForOff() {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:compaction-gate;DB_CLOSE_DELAY=-1");
        SchemaGate gate = SchemaGate.withShippedScripts(memory);
        assertThatThrownBy(() -> gate.compactH2File(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("calendly.webhook.store.h2-compaction-interval");
        gate.compactH2File(Duration.ZERO);
        assertThat(gate.compacting()).isFalse();
        gate.compactH2File(Duration.ofHours(1));
        assertThat(gate.compacting()).isTrue();
        gate.close();
        assertThat(gate.compacting()).isFalse();
    }

    /**
     * Books 1,000 under random keys, one commit each, as deliveries arrive; compacts if asked; books 1,000
     * more; returns the file's size after each half.
     */
    private long[] grow(String name, boolean compact) throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        // RETENTION_TIME=0 lets H2 reuse a freed chunk at once rather than 45 s after it was freed.
        dataSource.setURL("jdbc:h2:file:" + dir.resolve(name) + ";WRITE_DELAY=0;RETENTION_TIME=0");
        Path file = dir.resolve(name + ".mv.db");
        long[] sizes = new long[2];
        try (Connection connection = dataSource.getConnection()) {
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE TABLE booking (k VARCHAR(36) PRIMARY KEY, body VARCHAR(4000))");
            }
            book(connection, 1_000);
            sizes[0] = Files.size(file);
            if (compact) {
                H2FileStore store = H2FileStore.of(connection);
                assertThat(store).isNotNull();
                H2FileStore.Run run = store.compact(H2FileCompaction.BUDGET);
                assertThat(run.passes()).isPositive();
            }
            book(connection, 1_000);
            sizes[1] = Files.size(file);
            try (Statement count = connection.createStatement();
                    ResultSet rows = count.executeQuery("SELECT COUNT(*) FROM booking")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(2_000);
            }
        }
        return sizes;
    }

    private static void book(Connection connection, int bookings) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO booking VALUES (?, ?)")) {
            for (int i = 0; i < bookings; i++) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, "x".repeat(500));
                insert.executeUpdate();
            }
        }
    }
}
