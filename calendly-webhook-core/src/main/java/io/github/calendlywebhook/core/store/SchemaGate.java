package io.github.calendlywebhook.core.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * Installs the tables of the JDBC stores once the database is reachable, so an application starts while its
 * database is down. The stores take {@link #dataSource()}: until the tables are installed each connection it
 * hands out first tries the installation, and fails as a transient connection error when it cannot be done,
 * which the stores report as {@link StoreUnavailableException} (answered 503 with {@code Retry-After}, so
 * nothing is acknowledged that was not stored). {@link #retryInBackground(Duration)} also retries on a daemon
 * thread, and {@link #installed()} is what health checks read.
 */
public final class SchemaGate {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(SchemaGate.class);

    private final DataSource target;
    private final Consumer<DataSource> installation;
    private final DataSource gated = new GatedDataSource();
    private volatile boolean installed;
    private boolean warned;
    private boolean refused;
    private volatile @org.jspecify.annotations.Nullable Thread retrying;
    private volatile @org.jspecify.annotations.Nullable H2FileCompaction compaction;

    private SchemaGate(DataSource target, Consumer<DataSource> installation) {
        this.target = Objects.requireNonNull(target, "target");
        this.installation = Objects.requireNonNull(installation, "installation");
    }

    /**
     * Returns a gate that installs the tables with the given action, trying once now. Once installed, an H2
     * database that writes commits late ({@code WRITE_DELAY} above 0, H2's default for files) is made to write
     * each one before it returns, with a warning, so that a killed process loses no acknowledged delivery.
     *
     * @param target the application's data source
     * @param installation creates or upgrades the tables (the shipped scripts, Flyway, ...); throws when the
     *     database cannot be reached
     * @return the gate, installed or not
     * @throws IllegalStateException when an H2 database writes commits late and its user may not change that,
     *     or the shipped scripts' installation finds H2 tables not keyed by digests that its user may not alter
     */
    public static SchemaGate open(DataSource target, Consumer<DataSource> installation) {
        SchemaGate gate = new SchemaGate(target, installation);
        gate.tryInstall(true);
        return gate;
    }

    /**
     * Returns a gate that installs the shipped scripts ({@link JdbcSchema#create(DataSource)}).
     *
     * @param target the application's data source
     * @return the gate, installed or not
     */
    public static SchemaGate withShippedScripts(DataSource target) {
        return open(target, dataSource -> {
            if (JdbcSchema.create(dataSource)) {
                LOG.info("Created the Calendly webhook tables");
            }
        });
    }

    /**
     * Tries to install the tables unless they are installed.
     *
     * @return whether they are installed now
     */
    public boolean tryInstall() {
        return tryInstall(false);
    }

    /**
     * Installs the tables and makes sure the database writes each commit before it returns. A database that
     * cannot be made to is not an outage: at start it fails the start; later the gate stays shut.
     */
    private synchronized boolean tryInstall(boolean atStart) {
        if (installed) {
            return true;
        }
        try {
            installation.accept(target);
            JdbcSchema.requireCommitsWritten(target);
            installed = true;
        } catch (H2Commits.UnsafeCommitsException | JdbcSchema.UpgradeRefusedException e) {
            if (atStart) {
                throw e;
            }
            if (!refused) {
                refused = true;
                LOG.error("Deliveries are answered 503 until the database is changed: {}", e.getMessage());
            }
        } catch (RuntimeException e) {
            if (warned) {
                LOG.debug("Could not install the Calendly webhook tables yet ({})", e.getMessage());
                return false;
            }
            warned = true;
            LOG.warn("Could not install the Calendly webhook tables ({}); deliveries are answered 503, so Calendly "
                    + "retries, until the database is reachable", e.getMessage());
        }
        return installed;
    }

    /**
     * Retries the installation on a daemon thread at the interval until it succeeds; does nothing when the
     * tables are installed or a retry thread runs.
     *
     * @param interval the pause between attempts
     */
    public synchronized void retryInBackground(Duration interval) {
        if (installed || retrying != null) {
            return;
        }
        long millis = Math.max(1, interval.toMillis());
        Thread thread = new Thread(() -> {
            while (!tryInstall()) {
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            LOG.info("Installed the Calendly webhook tables; deliveries are accepted");
        }, "calendly-webhook-schema");
        thread.setDaemon(true);
        retrying = thread;
        thread.start();
    }

    /**
     * Compacts the database's file at the interval while the application runs, when it is an embedded H2
     * file; does nothing on other databases, when the interval is 0, or when a compaction runs already.
     *
     * <p>The stores make H2 write each commit before it returns ({@code WRITE_DELAY=0}), which also stops the
     * background writer that would compact old chunks, so the file otherwise grows with every commit until the
     * database is closed. Each run does that writer's work for at most a second, on a daemon thread: it rewrites
     * the live pages of mostly dead chunks, commits, and moves chunks into free space nearer the start of the
     * file, which H2 then cuts after its last chunk. A process killed at any moment leaves a file with every
     * committed row. Written against H2 2.3; with an H2 that lacks the classes it calls, the first run logs a
     * warning and stops.
     *
     * @param interval the delay between runs; 0 switches the compaction off
     * @throws IllegalArgumentException when the interval is negative
     */
    public synchronized void compactH2File(Duration interval) {
        Objects.requireNonNull(interval, "calendly.webhook.store.h2-compaction-interval must be set");
        if (interval.isNegative()) {
            throw new IllegalArgumentException(
                    "calendly.webhook.store.h2-compaction-interval must be 0 (off) or positive, was " + interval);
        }
        if (interval.isZero() || compaction != null) {
            return;
        }
        compaction = H2FileCompaction.start(target, this::installed, interval);
    }

    /**
     * Returns whether runs of {@link #compactH2File} are scheduled: not before it is called, with an interval
     * of 0, once a first run found no embedded H2 file, or after {@link #close}.
     *
     * @return {@code true} while the compaction runs at its interval
     */
    public boolean compacting() {
        H2FileCompaction running = compaction;
        return running != null && running.running();
    }

    /** Stops the background retries and the compaction, if any. */
    public void close() {
        Thread thread = retrying;
        if (thread != null) {
            thread.interrupt();
        }
        H2FileCompaction running = compaction;
        if (running != null) {
            running.stop();
        }
    }

    /**
     * Returns whether the tables are installed.
     *
     * @return {@code true} once the installation succeeded
     */
    public boolean installed() {
        return installed;
    }

    /**
     * Returns the data source the stores use: the target, after the installation.
     *
     * @return the gated data source
     */
    public DataSource dataSource() {
        return gated;
    }

    /**
     * Returns the application's data source, without the gate.
     *
     * @return the target
     */
    public DataSource target() {
        return target;
    }

    private final class GatedDataSource implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            ready();
            return target.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            ready();
            return target.getConnection(username, password);
        }

        private void ready() throws SQLException {
            if (!installed && !tryInstall()) {
                throw new SQLTransientConnectionException("the Calendly webhook tables are not installed yet: "
                        + "the database is unreachable", "08001");
            }
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return target.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(this) || target.isWrapperFor(type);
        }
    }
}
