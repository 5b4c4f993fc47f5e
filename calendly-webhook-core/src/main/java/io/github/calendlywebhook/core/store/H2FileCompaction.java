package io.github.calendlywebhook.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts an embedded H2 file on a daemon thread at a fixed delay ({@link H2FileStore#compact}), for at
 * most {@link #BUDGET} of rewriting per run. The first run that reaches the database decides: on any other
 * database, or on H2 in memory or over TCP, the thread ends; so it does where the H2 on the classpath lacks
 * the classes this needs, with a warning.
 */
final class H2FileCompaction {

    /** How long one run may keep rewriting, so that a large backlog is worked off over several runs. */
    static final Duration BUDGET = Duration.ofSeconds(1);
    /** How long {@link #stop()} waits for a run in progress: its budget, and the move that follows it. */
    static final Duration STOP_WAIT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(H2FileCompaction.class);

    private final DataSource target;
    private final BooleanSupplier ready;
    private final Duration interval;
    private final ScheduledThreadPoolExecutor executor;
    /** Whether the first run on an H2 file was logged; read and written by the executor's thread only. */
    private boolean announced;
    /** Whether the last run failed; read and written by the executor's thread only. */
    private boolean failing;

    private H2FileCompaction(DataSource target, BooleanSupplier ready, Duration interval) {
        this.target = target;
        this.ready = ready;
        this.interval = interval;
        this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "calendly-h2-compaction");
            thread.setDaemon(true);
            // Not the creating thread's loader: a servlet container that creates the stores while it starts
            // would take this thread for one its web application leaked.
            thread.setContextClassLoader(H2FileCompaction.class.getClassLoader());
            return thread;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * Starts the runs, the first one an interval from now.
     *
     * @param target the application's data source
     * @param ready whether the tables are installed: until then a run does nothing
     * @param interval the delay between the end of one run and the start of the next; positive
     */
    static H2FileCompaction start(DataSource target, BooleanSupplier ready, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the compaction interval must be positive, was " + interval);
        }
        H2FileCompaction compaction = new H2FileCompaction(Objects.requireNonNull(target, "target"),
                Objects.requireNonNull(ready, "ready"), interval);
        long millis = Math.max(1, interval.toMillis());
        compaction.executor.scheduleWithFixedDelay(compaction::run, millis, millis, TimeUnit.MILLISECONDS);
        return compaction;
    }

    /** Returns whether runs are still scheduled. */
    boolean running() {
        return !executor.isShutdown();
    }

    /**
     * Stops the runs and waits up to {@link #STOP_WAIT} for one in progress, so that it is done before the
     * application closes its pool.
     */
    void stop() {
        executor.shutdown();
        try {
            executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void run() {
        if (!ready.getAsBoolean()) {
            return;
        }
        try (Connection connection = target.getConnection()) {
            H2FileStore file = Dialect.of(connection) == Dialect.H2 ? H2FileStore.of(connection) : null;
            if (file == null) {
                LOG.debug("The database is not an embedded H2 file: nothing to compact");
                executor.shutdown();
                return;
            }
            if (!announced) {
                announced = true;
                LOG.info("Compacting the H2 file every {} while the application runs", interval);
            }
            H2FileStore.Run run = file.compact(BUDGET);
            LOG.debug("H2 file compaction: {} passes, live share of chunks {} % -> {} %, file {} KiB -> {} KiB",
                    run.passes(), run.liveBefore(), run.liveAfter(), run.sizeBefore() / 1024, run.sizeAfter() / 1024);
            if (failing) {
                failing = false;
                LOG.info("H2 file compaction works again");
            }
        } catch (LinkageError e) {
            LOG.warn("The H2 file cannot be compacted while the application runs, since this H2 version lacks what "
                    + "the compaction calls ({}); the file grows with every commit until a graceful stop compacts it",
                    e.toString());
            executor.shutdown();
        } catch (SQLException | RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warn("H2 file compaction failed; it tries again every {}: {}", interval, e.toString());
            }
        }
    }
}
