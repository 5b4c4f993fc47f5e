package io.github.calendlywebhook.core.store;

import static io.github.calendlywebhook.test.EventFixtures.canceled;
import static io.github.calendlywebhook.test.EventFixtures.created;
import static io.github.calendlywebhook.test.EventFixtures.eventTypeKey;
import static io.github.calendlywebhook.test.EventFixtures.stored;
import static io.github.calendlywebhook.test.EventFixtures.uri;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The schema installer on a database created by an earlier version, the publication script run twice, H2's
 * identity cache, and H2's digest keys.
 */
class JdbcSchemaUpgradeTest {

    private final JdbcConnectionPool database = JdbcConnectionPool.create("jdbc:h2:mem:upgrade;DB_CLOSE_DELAY=-1", "sa", "");

    @AfterEach
    void drop() throws SQLException {
        execute("SHUTDOWN");
        database.dispose();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void run(String script) throws SQLException {
        for (String sql : JdbcSchema.statements(script)) {
            execute(sql);
        }
    }

    private boolean publicationTableExists() throws SQLException {
        return tableExists("CALENDLY_PUBLICATION");
    }

    private boolean tableExists(String name) throws SQLException {
        try (Connection connection = database.getConnection();
                ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
            return tables.next();
        }
    }

    @Test
    void aDatabaseWithOnlyTheFirstScriptsTablesGainsThePublicationTable() throws SQLException {
        run(Dialect.H2.schemaScript());
        assertThat(publicationTableExists()).isFalse();

        assertThat(JdbcSchema.create(database)).isTrue();

        assertThat(publicationTableExists()).isTrue();
        assertThat(JdbcSchema.create(database)).isFalse();
    }

    @Test
    void thePublicationScriptIsHarmlessOnADatabaseTheInstallerCreated() throws SQLException {
        JdbcSchema.create(database);

        run(Dialect.H2.publicationScript());

        assertThat(publicationTableExists()).isTrue();
    }

    @Test
    void aDatabaseWithoutTheSigningKeyTableGainsIt() throws SQLException {
        run(Dialect.H2.schemaScript());
        run(Dialect.H2.publicationScript());
        assertThat(tableExists("CALENDLY_SIGNING_KEY")).isFalse();

        assertThat(JdbcSchema.create(database)).isTrue();

        assertThat(tableExists("CALENDLY_SIGNING_KEY")).isTrue();
        assertThat(JdbcSchema.create(database)).isFalse();
    }

    @Test
    void aNewDatabaseGetsTheLargeIdentityCache() throws SQLException {
        JdbcSchema.create(database);

        assertThat(identityCache("CALENDLY_EVENT")).isEqualTo(JdbcSchema.IDENTITY_CACHE);
        assertThat(identityCache("CALENDLY_AUDIT")).isEqualTo(JdbcSchema.IDENTITY_CACHE);
    }

    @Test
    void aDatabaseOfTheFirstThreeScriptsGainsTheLargeIdentityCacheWithoutNewTables() throws SQLException {
        runTheTableScripts();
        assertThat(identityCache("CALENDLY_EVENT")).isLessThan(JdbcSchema.IDENTITY_CACHE);

        assertThat(JdbcSchema.create(database)).isFalse();

        assertThat(identityCache("CALENDLY_EVENT")).isEqualTo(JdbcSchema.IDENTITY_CACHE);
        assertThat(identityCache("CALENDLY_AUDIT")).isEqualTo(JdbcSchema.IDENTITY_CACHE);
    }

    @Test
    void aUserWhoMayNotAlterTheTablesKeepsTheDefaultCacheAndTheStoreWorks() throws SQLException {
        runTheTableScripts();
        run(Dialect.H2.digestKeysScript());
        JdbcConnectionPool writer = writer();
        try {
            assertThat(JdbcSchema.create(writer)).isFalse();

            assertThat(identityCache("CALENDLY_EVENT")).isLessThan(JdbcSchema.IDENTITY_CACHE);
            StoredEvent event = stored(created("no-alter", "intro", Instant.parse("2026-03-15T10:00:00Z")));
            assertThat(ProjectingEventStore.jdbc(writer).append(event)).isEqualTo(AppendResult.STORED);
        } finally {
            writer.dispose();
        }
    }

    @Test
    void aUserWhoMayNotKeyTheTablesByDigestsIsToldWhatToRunAndNothingIsStoredUntilTheOwnerDoes()
            throws SQLException {
        runTheTableScripts();
        run(Dialect.H2.identityCacheScript());
        JdbcConnectionPool writer = writer();
        try {
            assertThatThrownBy(() -> JdbcSchema.create(writer)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("V5__calendly_h2_digest_keys.sql").hasMessageNotContaining("writer-password");
            assertThatThrownBy(() -> SchemaGate.withShippedScripts(writer))
                    .hasMessageContaining("V5__calendly_h2_digest_keys.sql");
            ProjectingEventStore store = ProjectingEventStore.jdbc(writer);
            StoredEvent event = stored(created("waits", "intro", Instant.parse("2026-03-15T10:00:00Z")));
            assertThatThrownBy(() -> store.append(event)).isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("V5__calendly_h2_digest_keys.sql");
            assertThat(count("SELECT COUNT(*) FROM calendly_event")).isZero();

            assertThat(JdbcSchema.create(database)).isFalse();

            assertThat(store.append(event)).isEqualTo(AppendResult.STORED);
        } finally {
            writer.dispose();
        }
    }

    private JdbcConnectionPool writer() throws SQLException {
        execute("CREATE USER writer PASSWORD 'writer-password'");
        execute("GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA PUBLIC TO writer");
        return JdbcConnectionPool.create("jdbc:h2:mem:upgrade", "writer", "writer-password");
    }

    @Test
    void aDatabaseOfTheFirstFourScriptsIsKeyedByDigestsAndItsRowsStayFoundByTheirTexts() throws Exception {
        runTheTableScripts();
        run(Dialect.H2.identityCacheScript());
        Instant at = Instant.parse("2026-03-15T10:00:00Z");
        // Non-ASCII text: the digests H2 generates hash the UTF-8 bytes, as the lookups do.
        StoredEvent old = stored(created("ünïcode-booking", "intro", at));
        String uri = uri("ünïcode-booking");
        insertAsEarlierVersionsDid(old, uri);

        assertThat(JdbcSchema.create(database)).isFalse();

        assertThat(digest("SELECT key_digest FROM calendly_event")).isEqualTo(sha256(old.key()));
        assertThat(digest("SELECT uri_digest FROM calendly_invitee")).isEqualTo(sha256(uri));
        ProjectingEventStore store = ProjectingEventStore.jdbc(database);
        assertThat(store.append(old)).isEqualTo(AppendResult.DUPLICATE);
        assertThat(store.append(stored(canceled("ünïcode-booking", "intro", at.plusSeconds(60)))))
                .isEqualTo(AppendResult.STORED);
        assertThat(count("SELECT COUNT(*) FROM calendly_invitee WHERE uri = '" + uri + "' AND created AND canceled"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM calendly_event")).isEqualTo(2);
        assertThatThrownBy(() -> execute("INSERT INTO calendly_invitee (uri, created, canceled, rescheduled, no_show,"
                + " test) VALUES ('" + uri + "', FALSE, FALSE, FALSE, FALSE, FALSE)"))
                .isInstanceOf(SQLException.class).hasMessageContaining("URI_DIGEST");
    }

    @Test
    void aNewDatabaseIsKeyedByDigestsAndTheScriptRunsOnce() throws SQLException {
        assertThat(JdbcSchema.create(database)).isTrue();

        try (Connection connection = database.getConnection()) {
            assertThat(JdbcSchema.digestKeys(connection)).isTrue();
        }
        assertThat(JdbcSchema.create(database)).isFalse();
        assertThat(count("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'CALENDLY_EVENT'"
                + " AND INDEX_NAME LIKE 'CALENDLY_EVENT_KEY_UNIQUE%'")).isZero();
    }

    /** Writes an event and its invitee's row as the versions before the digest keys did. */
    private void insertAsEarlierVersionsDid(StoredEvent event, String uri) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO calendly_event (event_key,"
                        + " event_name, source, received_at, body) VALUES (?, ?, ?, CURRENT_TIMESTAMP, ?)");
                PreparedStatement invitee = connection.prepareStatement("INSERT INTO calendly_invitee (uri, created,"
                        + " canceled, rescheduled, no_show, test, booking_day, event_type, start_time, booked_at)"
                        + " VALUES (?, TRUE, FALSE, FALSE, FALSE, FALSE, DATE '2026-03-15', ?,"
                        + " TIMESTAMP WITH TIME ZONE '2026-03-20 10:00:00Z', TIMESTAMP WITH TIME ZONE '2026-03-15 10:00:00Z')")) {
            insert.setString(1, event.key());
            insert.setString(2, event.event().name());
            insert.setString(3, event.source().name());
            insert.setBytes(4, event.body());
            insert.executeUpdate();
            invitee.setString(1, uri);
            invitee.setString(2, eventTypeKey("intro"));
            invitee.executeUpdate();
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private byte[] digest(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getBytes(1);
        }
    }

    private static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Lays the database out as the versions before the identity-cache script did. */
    private void runTheTableScripts() throws SQLException {
        run(Dialect.H2.schemaScript());
        run(Dialect.H2.publicationScript());
        run(Dialect.H2.signingKeyScript());
    }

    private long identityCache(String table) throws SQLException {
        try (Connection connection = database.getConnection()) {
            return JdbcSchema.identityCache(connection, table);
        }
    }

    @Test
    void theSigningKeyScriptIsHarmlessOnADatabaseTheInstallerCreated() throws SQLException {
        JdbcSchema.create(database);

        run(Dialect.H2.signingKeyScript());

        assertThat(tableExists("CALENDLY_SIGNING_KEY")).isTrue();
    }
}
