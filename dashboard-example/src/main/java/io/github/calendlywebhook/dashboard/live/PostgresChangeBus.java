package io.github.calendlywebhook.dashboard.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A change bus shared by every instance on one PostgreSQL database: {@code pg_notify} announces, and a
 * dedicated connection per instance waits in {@code LISTEN}. Costs one idle connection per instance and
 * nothing per change beyond a tiny message; reconnects after a database restart and then announces a
 * change locally, since notifications sent meanwhile were lost.
 */
final class PostgresChangeBus implements ChangeBus, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresChangeBus.class);
    private static final int WAIT_MILLIS = 500;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final String channel;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private final CountDownLatch listening = new CountDownLatch(1);
    private volatile boolean running = true;

    PostgresChangeBus(DataSource dataSource, String channel) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.channel = channel;
        this.thread = new Thread(this::listenLoop, "dashboard-change-listener");
        this.thread.setDaemon(true);
    }

    /** Starts listening; returns once the first {@code LISTEN} is in place, so no change is missed. */
    void start() {
        thread.start();
        try {
            if (!listening.await(30, TimeUnit.SECONDS)) {
                LOG.warn("Change notifications are not listening yet; live updates from other instances may lag");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void publish(String reason) {
        jdbc.query("SELECT pg_notify(?, ?)", rs -> { }, channel, reason);
    }

    @Override
    public void subscribe(Consumer<String> listener) {
        listeners.add(listener);
    }

    private void listenLoop() {
        boolean reconnect = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                PGConnection pg = connection.unwrap(PGConnection.class);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                listening.countDown();
                if (reconnect) {
                    LOG.info("Change notifications are listening again");
                    fire(RECONNECTED);
                    reconnect = false;
                }
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        // A burst of deliveries arrives as many identical notifications: act once per reason.
                        Set<String> reasons = new LinkedHashSet<>();
                        for (PGNotification notification : notifications) {
                            reasons.add(notification.getParameter());
                        }
                        reasons.forEach(this::fire);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                // Down at startup: the application starts without waiting; this loop keeps trying.
                listening.countDown();
                if (reconnect) {
                    LOG.debug("Still no change notification connection ({}); reconnecting", e.getMessage());
                } else {
                    LOG.warn("Lost the change notification connection ({}); reconnecting", e.getMessage());
                }
                reconnect = true;
                pause();
            }
        }
    }

    private void fire(String reason) {
        for (Consumer<String> listener : listeners) {
            try {
                listener.accept(reason);
            } catch (RuntimeException e) {
                LOG.warn("A change listener failed", e);
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
