package io.github.calendlywebhook.core.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes an H2 database write each commit to its file before the commit returns. By default H2 writes
 * committed transactions up to {@code WRITE_DELAY} (500 ms) later, so a process killed in that time loses
 * transactions that had returned, and deliveries the endpoint had acknowledged with them. The stores promise
 * that an acknowledged delivery survives a killed process, so the installation sets the delay to 0 where it
 * finds one, and refuses to go on where the database user may not change it. H2 forgets the setting when it
 * closes the database, which it does when its last connection closes (a pool of one connection replacing
 * it, say), so the database is also kept open until the process exits ({@code DB_CLOSE_DELAY -1}); a URL
 * with {@code ;WRITE_DELAY=0} needs neither. In-memory databases report no delay and are left alone;
 * PostgreSQL's commits are durable when they return.
 */
final class H2Commits {

    private static final Logger LOG = LoggerFactory.getLogger(H2Commits.class);
    /** One row is the setting the database stores, another the one in force; both are read. */
    private static final String WRITE_DELAY = "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
            + " WHERE SETTING_NAME = 'WRITE_DELAY'";

    private H2Commits() {
    }

    /**
     * Sets an H2 database's write delay to 0 when it has one; does nothing on other databases.
     *
     * @return whether the delay was changed
     * @throws UnsafeCommitsException when the delay is above 0 and the user may not change it
     */
    static boolean writeAtEachCommit(Connection connection) throws SQLException {
        if (Dialect.of(connection) != Dialect.H2) {
            return false;
        }
        long delay = writeDelay(connection);
        if (delay <= 0) {
            return false;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET WRITE_DELAY 0");
            statement.execute("SET DB_CLOSE_DELAY -1");
        } catch (SQLException e) {
            throw new UnsafeCommitsException("The H2 database writes commits to its file up to " + delay
                    + " ms after they return (WRITE_DELAY), so a killed process would lose deliveries already"
                    + " acknowledged, and its user may not change that (" + firstLine(e.getMessage()) + "). Add ;WRITE_DELAY=0"
                    + " to the JDBC URL, or connect as a user with admin rights.");
        }
        LOG.warn("The H2 database wrote commits to its file up to {} ms after they returned (WRITE_DELAY), so a"
                + " killed process would have lost acknowledged deliveries; it now writes each commit before the"
                + " delivery is answered, and stays open until the process exits, since H2 forgets the setting when"
                + " it closes the database. Add ;WRITE_DELAY=0 to the JDBC URL, which holds at every opening.", delay);
        return true;
    }

    private static String firstLine(@Nullable String message) {
        return message == null ? "refused" : message.lines().findFirst().orElse("refused").replaceAll("[;:]\\s*$", "");
    }

    /** Returns the larger of the stored and the current write delay, in milliseconds. */
    static long writeDelay(Connection connection) throws SQLException {
        long delay = 0;
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(WRITE_DELAY)) {
            while (rows.next()) {
                delay = Math.max(delay, Long.parseLong(rows.getString(1).trim()));
            }
        }
        return delay;
    }

    /** An H2 database that acknowledges commits before writing them, and whose user may not change that. */
    static final class UnsafeCommitsException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        UnsafeCommitsException(String message) {
            super(message);
        }
    }
}
