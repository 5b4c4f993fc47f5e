package io.github.calendlywebhook.core.store;

import static io.github.calendlywebhook.test.EventFixtures.created;
import static io.github.calendlywebhook.test.EventFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 file database opened with H2's defaults writes commits to its file up to 500 ms after they return;
 * the installation makes it write each one first, so a killed process keeps every acknowledged delivery.
 */
class H2CommitsTest {

    private static final String OWNER_PASSWORD = "owner-password-9f2c";
    private static final String WRITER_PASSWORD = "writer-password-7d1e";

    @TempDir
    Path directory;

    private JdbcConnectionPool owner;
    private JdbcConnectionPool writer;

    /** An H2 file URL as an application writes it, without {@code WRITE_DELAY}. */
    private String url() {
        return "jdbc:h2:file:" + directory.resolve("webhooks").toAbsolutePath();
    }

    @AfterEach
    void closePools() {
        if (writer != null) {
            writer.dispose();
        }
        if (owner != null) {
            owner.dispose();
        }
    }

    @Test
    void fileDatabaseWithTheDefaultDelayShouldWriteTheStoresCommitsOnceTheTablesAreInstalled() throws SQLException {
        owner = JdbcConnectionPool.create(url(), "sa", OWNER_PASSWORD);
        try (Connection open = owner.getConnection()) {
            assertThat(H2Commits.writeDelay(open)).isEqualTo(500);

            JdbcSchema.create(owner);
            long writesBefore = fileWrites(open);
            AppendResult result = ProjectingEventStore.jdbc(owner)
                    .append(stored(created("written", "intro", Instant.parse("2026-03-15T10:00:00Z"))));

            assertThat(result).isEqualTo(AppendResult.STORED);
            assertThat(fileWrites(open)).isGreaterThan(writesBefore);
            assertThat(H2Commits.writeDelay(open)).isZero();
        }
    }

    @Test
    void delayShouldStayAtZeroAfterTheLastConnectionCloses() throws SQLException {
        owner = JdbcConnectionPool.create(url(), "sa", OWNER_PASSWORD);
        JdbcSchema.create(owner);
        owner.dispose();

        owner = JdbcConnectionPool.create(url(), "sa", OWNER_PASSWORD);
        try (Connection reopened = owner.getConnection()) {
            assertThat(H2Commits.writeDelay(reopened)).isZero();
        }
    }

    @Test
    void gateShouldSetTheDelayAfterAnInstallationOfItsOwn() throws SQLException {
        owner = JdbcConnectionPool.create(url(), "sa", OWNER_PASSWORD);
        try (Connection open = owner.getConnection()) {
            SchemaGate gate = SchemaGate.open(owner, dataSource -> {
                // An installation that only runs the scripts, as Flyway does.
                try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE IF NOT EXISTS migrated (id INT)");
                } catch (SQLException e) {
                    throw new StoreUnavailableException("could not migrate", e);
                }
            });

            assertThat(gate.installed()).isTrue();
            assertThat(H2Commits.writeDelay(open)).isZero();
        }
    }

    @Test
    void inMemoryDatabaseShouldBeLeftAsItIs() throws SQLException {
        owner = JdbcConnectionPool.create("jdbc:h2:mem:commits-in-memory", "sa", OWNER_PASSWORD);
        try (Connection open = owner.getConnection()) {
            SchemaGate gate = SchemaGate.withShippedScripts(owner);

            assertThat(gate.installed()).isTrue();
            assertThat(H2Commits.writeDelay(open)).isZero();
        }
    }

    @Test
    void userWhoMayNotChangeTheDelayShouldFailTheStartSayingWhatToAddToTheUrl() throws SQLException {
        tablesAndAWriterInstalledByTheOwner();
        writer = JdbcConnectionPool.create(url(), "writer", WRITER_PASSWORD);

        assertThatThrownBy(() -> SchemaGate.withShippedScripts(writer))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("up to 500 ms")
                .hasMessageContaining("Add ;WRITE_DELAY=0 to the JDBC URL")
                .hasMessageNotContaining(WRITER_PASSWORD);
    }

    @Test
    void userWhoMayNotChangeTheDelayShouldKeepTheGateShutWhenTheDatabaseComesUpLater() throws SQLException {
        tablesAndAWriterInstalledByTheOwner();
        writer = JdbcConnectionPool.create(url(), "writer", WRITER_PASSWORD);
        AtomicBoolean reachable = new AtomicBoolean();
        SchemaGate gate = SchemaGate.open(writer, dataSource -> {
            if (!reachable.get()) {
                throw new StoreUnavailableException("database down");
            }
            JdbcSchema.create(dataSource);
        });

        reachable.set(true);

        assertThatThrownBy(() -> gate.dataSource().getConnection()).isInstanceOf(SQLTransientConnectionException.class);
        assertThat(gate.installed()).isFalse();
    }

    @Test
    void urlWithTheDelayAtZeroShouldInstallForAUserWithoutAdminRights() throws SQLException {
        tablesAndAWriterInstalledByTheOwner();
        writer = JdbcConnectionPool.create(url(), "writer", WRITER_PASSWORD);
        try (Connection open = owner.getConnection(); Statement statement = open.createStatement()) {
            // The owner's URL setting, as an application's ;WRITE_DELAY=0 would give it.
            statement.execute("SET WRITE_DELAY 0");

            SchemaGate gate = SchemaGate.withShippedScripts(writer);

            assertThat(gate.installed()).isTrue();
        }
    }

    /** The owner creates the tables and a user who may read and write them, then closes the database. */
    private void tablesAndAWriterInstalledByTheOwner() throws SQLException {
        owner = JdbcConnectionPool.create(url(), "sa", OWNER_PASSWORD);
        JdbcSchema.create(owner);
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE USER writer PASSWORD '" + WRITER_PASSWORD + "'");
            statement.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA PUBLIC TO writer");
            // As a new process would find it: H2 keeps a changed delay only while the database is open.
            statement.execute("SHUTDOWN");
        }
        owner.dispose();
        owner = JdbcConnectionPool.create(url(), "sa", OWNER_PASSWORD);
    }

    private static long fileWrites(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.FILE_WRITE'")) {
            assertThat(rows.next()).isTrue();
            return Long.parseLong(rows.getString(1));
        }
    }
}
