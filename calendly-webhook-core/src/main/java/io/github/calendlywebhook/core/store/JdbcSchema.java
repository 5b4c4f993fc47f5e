package io.github.calendlywebhook.core.store;

import io.github.calendlywebhook.core.store.internal.JdbcTransactions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the tables of the JDBC stores for applications that do not run Flyway or Liquibase. The same
 * scripts are shipped as {@code db/calendly/{h2,postgresql}/V1__calendly_webhook.sql} and
 * {@code V2__calendly_publication.sql} (the listener publications), {@code V3__calendly_signing_key.sql}
 * (the signing-key store) and, on H2, {@code V4__calendly_h2_identity_cache.sql} and
 * {@code V5__calendly_h2_digest_keys.sql} for those tools; each table script is run when its first table is
 * missing, so a database created by an earlier version gains the later tables, the identity-cache script
 * when the event table's identity cache is below its size, and the digest-keys script when the invitee
 * table is not keyed by its digest yet.
 */
public final class JdbcSchema {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcSchema.class);

    /** The identity cache {@code V4__calendly_h2_identity_cache.sql} gives H2's busy tables. */
    static final long IDENTITY_CACHE = 4096;

    private JdbcSchema() {
    }

    /**
     * Runs the schema scripts of the database behind the data source whose tables do not exist yet, and
     * makes an H2 database that writes commits late ({@code WRITE_DELAY} above 0, H2's default for files)
     * write each one before it returns, logging a warning, so that a killed process loses no acknowledged
     * delivery.
     *
     * @param dataSource an H2 or PostgreSQL data source
     * @return {@code true} when tables were created, {@code false} when they all existed
     * @throws StoreUnavailableException when the database cannot be reached or the script fails
     * @throws IllegalArgumentException when the database is neither H2 nor PostgreSQL
     * @throws IllegalStateException when an H2 database writes commits late and its user may not change that,
     *     or its tables are not keyed by digests yet and its user may not alter them
     */
    public static boolean create(DataSource dataSource) {
        boolean tables = new JdbcTransactions(dataSource).inTransaction("could not create the schema", connection -> {
            Dialect dialect = Dialect.of(connection);
            boolean created = false;
            if (!exists(connection, "calendly_event")) {
                run(connection, dialect.schemaScript());
                created = true;
            }
            if (!exists(connection, "calendly_publication")) {
                run(connection, dialect.publicationScript());
                created = true;
            }
            if (!exists(connection, "calendly_signing_key")) {
                run(connection, dialect.signingKeyScript());
                created = true;
            }
            String digestKeys = dialect.digestKeysScript();
            if (digestKeys != null && !digestKeys(connection)) {
                keyByDigests(connection, digestKeys, created);
            }
            String identityCache = dialect.identityCacheScript();
            if (identityCache != null && identityCache(connection, "CALENDLY_EVENT") < IDENTITY_CACHE) {
                enlargeIdentityCache(connection, identityCache);
            }
            return created;
        });
        requireCommitsWritten(dataSource);
        return tables;
    }

    /**
     * Makes an H2 database write each commit to its file before the commit returns, as the stores need so
     * that a killed process loses no acknowledged delivery; does nothing on PostgreSQL and in-memory H2.
     * {@link #create(DataSource)} and {@link SchemaGate} run it.
     */
    static void requireCommitsWritten(DataSource dataSource) {
        new JdbcTransactions(dataSource).withConnection("could not read the database's write delay",
                H2Commits::writeAtEachCommit);
    }

    /**
     * Runs the identity-cache script, a matter of speed only: a database user who may not alter the tables
     * keeps the default block, and a warning says what that costs.
     */
    private static void enlargeIdentityCache(Connection connection, String script) {
        try {
            run(connection, script);
        } catch (SQLException e) {
            LOG.warn("Could not give the Calendly tables' identity columns a block of {} values ({}): appends still "
                    + "work, but H2 writes one more file chunk every 32 events and every 32 audit rows. Run {} as "
                    + "the tables' owner to apply it.", IDENTITY_CACHE, e.getMessage(), script);
        }
    }

    /**
     * Runs the digest-keys script, which the stores need on H2. A database user who may not alter the
     * tables gets a failure that names the script to run as their owner.
     */
    private static void keyByDigests(Connection connection, String script, boolean created) {
        if (!created) {
            LOG.info("Keying the Calendly event and invitee tables by digests ({}), once", script);
        }
        try {
            run(connection, script);
        } catch (SQLException e) {
            throw new UpgradeRefusedException("Could not key the Calendly tables by digests (SQL state "
                    + e.getSQLState() + ", error " + e.getErrorCode() + "): the stores need " + script
                    + " on H2; run it, or JdbcSchema.create(dataSource), as the tables' owner", e);
        }
    }

    /**
     * Returns whether H2's event and invitee tables are keyed by digests, as the last step of the
     * digest-keys script leaves them.
     */
    static boolean digestKeys(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*)"
                + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = SCHEMA()"
                + " AND UPPER(CONSTRAINT_NAME) = 'CALENDLY_INVITEE_URI_DIGEST'");
                ResultSet rows = select.executeQuery()) {
            return rows.next() && rows.getLong(1) > 0;
        }
    }

    /** A schema step the stores need that the database refused: a setup to change, not an outage. */
    static final class UpgradeRefusedException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        UpgradeRefusedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static void run(Connection connection, String script) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(script)) {
                statement.execute(sql);
            }
        }
    }

    /**
     * Returns the classpath directory of the Flyway-named migrations for the database behind the data source,
     * for an application that runs them with Flyway (as {@code classpath:} plus this location).
     *
     * @param dataSource the data source
     * @return {@code db/calendly/h2} or {@code db/calendly/postgresql}
     * @throws StoreUnavailableException when the database cannot be reached
     * @throws IllegalArgumentException when the database is neither H2 nor PostgreSQL
     */
    public static String migrationLocation(DataSource dataSource) {
        return new JdbcTransactions(dataSource).withConnection("could not read the database product",
                connection -> Dialect.of(connection).migrationLocation());
    }

    /**
     * Returns whether the tables exist.
     *
     * @param dataSource the data source
     * @return {@code true} when the event table exists
     */
    public static boolean exists(DataSource dataSource) {
        return new JdbcTransactions(dataSource).withConnection("could not read the schema", JdbcSchema::exists);
    }

    private static boolean exists(Connection connection) throws SQLException {
        return exists(connection, "calendly_event");
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet tables = meta.getTables(null, null, name, new String[] {"TABLE", "BASE TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Returns the identity cache of an H2 table's {@code id} column. */
    static long identityCache(Connection connection, String table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT IDENTITY_CACHE"
                + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = SCHEMA() AND UPPER(TABLE_NAME) = ?"
                + " AND UPPER(COLUMN_NAME) = 'ID'")) {
            select.setString(1, table.toUpperCase(Locale.ROOT));
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    static List<String> statements(String resource) {
        try (InputStream in = JdbcSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema script " + resource + " is missing from the classpath");
            }
            StringBuilder current = new StringBuilder();
            List<String> statements = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                    continue;
                }
                current.append(line).append('\n');
                if (trimmed.endsWith(";")) {
                    statements.add(current.substring(0, current.lastIndexOf(";")));
                    current.setLength(0);
                }
            }
            return statements;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource, e);
        }
    }
}
