package io.github.calendlywebhook.dashboard.config;

import io.github.calendlywebhook.core.store.SchemaGate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The dashboard's own tables ({@code db/dashboard/<vendor>}, migrated by the application's Flyway), installed
 * after the starter's Calendly tables and only once the database is reachable, so the dashboard starts while
 * its database is down. Work that needs both (moving old signing keys, reloading them) waits for
 * {@link #whenInstalled(Runnable)}; {@link #requireInstalled()} guards the dashboard's repositories until then.
 */
public final class DashboardTables implements AutoCloseable {

    private static final Duration RETRY = Duration.ofSeconds(5);

    private final List<Runnable> pending = new ArrayList<>();
    private final SchemaGate calendlyTables;
    private final SchemaGate gate;
    private boolean ready;

    DashboardTables(SchemaGate calendlyTables, Flyway flyway) {
        this.calendlyTables = calendlyTables;
        if (calendlyTables.installed()) {
            // The database is reachable: a migration that fails fails the startup, as it should.
            flyway.migrate();
        }
        this.gate = SchemaGate.open(calendlyTables.target(), dataSource -> install(flyway));
        gate.retryInBackground(RETRY);
    }

    private void install(Flyway flyway) {
        if (!calendlyTables.tryInstall()) {
            throw new IllegalStateException("the Calendly tables are not installed yet");
        }
        flyway.migrate();
        while (true) {
            Runnable task;
            synchronized (pending) {
                if (pending.isEmpty()) {
                    ready = true;
                    return;
                }
                task = pending.get(0);
            }
            task.run();
            synchronized (pending) {
                pending.remove(0);
            }
        }
    }

    /**
     * Runs the task now when the tables are installed, else right after their installation (on the thread
     * that installs them).
     *
     * @param task work that needs the tables
     */
    public void whenInstalled(Runnable task) {
        synchronized (pending) {
            if (!ready) {
                pending.add(task);
                return;
            }
        }
        task.run();
    }

    /**
     * Fails unless the tables are installed, installing them first once the Calendly tables are (the database is
     * reachable again); while it is not, fails at once and leaves the installation to the background retries.
     *
     * @throws DataAccessResourceFailureException while the database has not been reachable since the start
     */
    public void requireInstalled() {
        if (!gate.installed() && !(calendlyTables.installed() && gate.tryInstall())) {
            throw new DataAccessResourceFailureException("the dashboard tables are not installed yet: the database"
                    + " is unreachable");
        }
    }

    @Override
    public void close() {
        gate.close();
    }
}
