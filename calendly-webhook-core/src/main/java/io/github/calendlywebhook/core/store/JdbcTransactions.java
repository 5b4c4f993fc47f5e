package io.github.calendlywebhook.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Runs units of work in one transaction each, retrying the ones the database aborted because of
 * concurrency (deadlock, serialization failure, lock timeout), and turns database failures into
 * {@link StoreUnavailableException} with a message that names no URL, user or password.
 */
final class JdbcTransactions {

    /** SQL states (and H2 error codes) that mean "run the transaction again". */
    private static final Set<String> RETRYABLE_STATES = Set.of("40001", "40P01", "HYT00", "23505");
    private static final Set<Integer> RETRYABLE_H2_CODES = Set.of(40001, 50200, 90131);
    private static final int MAX_ATTEMPTS = 20;

    /** A unit of work on a connection inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    JdbcTransactions(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    <T> T inTransaction(String what, Work<T> work) {
        for (int attempt = 1;; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                return runOnce(connection, work);
            } catch (SQLException e) {
                if (attempt >= MAX_ATTEMPTS || !retryable(e)) {
                    throw unavailable(what, e);
                }
            }
        }
    }

    <T> T withConnection(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw unavailable(what, e);
        }
    }

    private static <T> T runOnce(Connection connection, Work<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    static boolean retryable(SQLException e) {
        for (SQLException current = e; current != null; current = current.getNextException()) {
            if (RETRYABLE_STATES.contains(current.getSQLState()) || RETRYABLE_H2_CODES.contains(current.getErrorCode())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns whether a failure came from reaching the database (no connection, connection lost), not
     * from the work itself, so that repeating the work in smaller parts would fail the same way.
     */
    static boolean unreachable(RuntimeException failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException) {
                String state = ((SQLException) cause).getSQLState();
                if (state != null && state.startsWith("08")) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean uniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    static StoreUnavailableException unavailable(String what, SQLException e) {
        return new StoreUnavailableException(what + " (SQL state " + e.getSQLState() + ", error " + e.getErrorCode() + ")", e);
    }
}
