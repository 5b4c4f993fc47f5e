package io.github.calendlywebhook.core.store;

import static io.github.calendlywebhook.test.EventFixtures.created;
import static io.github.calendlywebhook.test.EventFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The schema installer on a database created by an earlier version, the publication script run twice, and
 * H2's identity cache.
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
        execute("CREATE USER writer PASSWORD 'writer-password'");
        execute("GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA PUBLIC TO writer");
        JdbcConnectionPool writer = JdbcConnectionPool.create("jdbc:h2:mem:upgrade", "writer", "writer-password");
        try {
            assertThat(JdbcSchema.create(writer)).isFalse();

            assertThat(identityCache("CALENDLY_EVENT")).isLessThan(JdbcSchema.IDENTITY_CACHE);
            StoredEvent event = stored(created("no-alter", "intro", Instant.parse("2026-03-15T10:00:00Z")));
            assertThat(ProjectingEventStore.jdbc(writer).append(event)).isEqualTo(AppendResult.STORED);
        } finally {
            writer.dispose();
        }
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
