package io.github.calendlywebhook.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.calendlywebhook.core.store.JdbcSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;

/**
 * A throw-away database for the store benchmarks: an H2 file database (with H2's default write delay, which
 * the stores' installation no longer leaves in place, or written on every commit as {@value #H2_SYNC}, as
 * every store runs) or an embedded PostgreSQL
 * server with durable commits ({@code synchronous_commit=on}, which the embedded server turns off by
 * default), both in a temporary directory that {@link #close()} deletes, behind a HikariCP pool as an
 * application would use, with the store's schema created.
 */
public final class Database implements AutoCloseable {

    /**
     * The H2 file database as the dashboard runs it, {@code WRITE_DELAY=0}: each commit is written to
     * the file before it returns, where plain {@code h2} writes commits up to 500 ms later.
     */
    public static final String H2_SYNC = "h2-sync";

    private final Path directory;
    private final DataSource raw;
    private final HikariDataSource dataSource;
    private final @Nullable EmbeddedPostgres postgres;

    private Database(Path directory, DataSource raw, @Nullable EmbeddedPostgres postgres, boolean delayedCommits) {
        this.directory = directory;
        this.raw = raw;
        HikariConfig config = new HikariConfig();
        config.setDataSource(raw);
        config.setMaximumPoolSize(4);
        config.setPoolName("benchmark");
        this.dataSource = new HikariDataSource(config);
        this.postgres = postgres;
        JdbcSchema.create(dataSource);
        if (delayedCommits) {
            // The installation sets H2's write delay to 0, as every store runs since; plain h2 puts the default
            // back to show what writing each commit costs.
            try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
                statement.execute("SET WRITE_DELAY 500");
            } catch (SQLException e) {
                throw new IllegalStateException("could not restore H2's write delay", e);
            }
        }
    }

    /**
     * Starts a database.
     *
     * @param kind {@code h2}, {@code h2-sync} or {@code postgres}
     * @return the running database
     */
    public static Database start(String kind) {
        try {
            Path directory = Files.createTempDirectory("calendly-bench-" + kind);
            if (kind.equals("h2") || kind.equals(H2_SYNC)) {
                JdbcDataSource h2 = new JdbcDataSource();
                h2.setURL("jdbc:h2:file:" + directory.resolve("events") + ";DB_CLOSE_DELAY=-1"
                        + (kind.equals(H2_SYNC) ? ";WRITE_DELAY=0" : ""));
                h2.setUser("sa");
                return new Database(directory, h2, null, kind.equals("h2"));
            }
            if (kind.equals("postgres")) {
                EmbeddedPostgres postgres = PostgresServer.durable(directory).start();
                return new Database(directory, postgres.getPostgresDatabase(), postgres, false);
            }
            throw new IllegalArgumentException("unknown database " + kind);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns whether this is the PostgreSQL server. */
    public boolean isPostgres() {
        return postgres != null;
    }

    /** Returns the pooled data source of the database. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Stops the database and deletes its files. */
    @Override
    public void close() {
        try {
            dataSource.close();
            if (postgres == null) {
                try (var connection = raw.getConnection(); var statement = connection.createStatement()) {
                    statement.execute("SHUTDOWN");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException("H2 did not shut down", e);
                }
            } else {
                postgres.close();
            }
            if (Files.exists(directory)) {
                try (Stream<Path> files = Files.walk(directory)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
