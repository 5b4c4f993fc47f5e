package io.github.calendlywebhook.core.store.internal;

import io.github.calendlywebhook.core.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Runs units of work in one transaction each, retrying the ones the database aborted because of
 * concurrency (deadlock, serialization failure, lock timeout), and turns database failures into
 * {@link StoreUnavailableException} with a message that names no URL, user or password. Shared by the
 * JDBC stores of every core package.
 */
public final class JdbcTransactions {

    /** SQL states (and H2 error codes) that mean "run the transaction again". */
    private static final Set<String> RETRYABLE_STATES = Set.of("40001", "40P01", "HYT00", "23505");
    private static final Set<Integer> RETRYABLE_H2_CODES = Set.of(40001, 50200, 90131);
    private static final int MAX_ATTEMPTS = 20;

    /**
     * A unit of work on a connection.
     *
     * @param <T> what it returns
     */
    @FunctionalInterface
    public interface Work<T extends @Nullable Object> {

        /**
         * Runs the work.
         *
         * @param connection the connection
         * @return the result
         * @throws SQLException when the database fails
         */
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    /**
     * Returns transactions on a data source.
     *
     * @param dataSource the data source
     */
    public JdbcTransactions(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Runs work in one transaction, again while the database aborts it for concurrency.
     *
     * @param what what the work does, for the failure message
     * @param work the work
     * @param <T> what it returns
     * @return its result
     * @throws StoreUnavailableException when the database fails
     */
    public <T extends @Nullable Object> T inTransaction(String what, Work<T> work) {
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

    /**
     * Runs work on a connection in its auto-commit mode.
     *
     * @param what what the work does, for the failure message
     * @param work the work
     * @param <T> what it returns
     * @return its result
     * @throws StoreUnavailableException when the database fails
     */
    public <T extends @Nullable Object> T withConnection(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw unavailable(what, e);
        }
    }

    /**
     * Runs work in one transaction, once: for work whose failures are not worth repeating.
     *
     * @param what what the work does, for the failure message
     * @param work the work
     * @param <T> what it returns
     * @return its result
     * @throws StoreUnavailableException when the database fails
     */
    public <T extends @Nullable Object> T inTransactionOnce(String what, Work<T> work) {
        return withConnection(what, connection -> runOnce(connection, work));
    }

    /**
     * Runs work in one transaction on a connection the caller holds, rolling back when it throws.
     *
     * @param connection the connection
     * @param work the work
     * @param <T> what it returns
     * @return its result
     * @throws SQLException when the database fails
     */
    public static <T extends @Nullable Object> T runOnce(Connection connection, Work<T> work) throws SQLException {
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

    /**
     * Returns whether the database aborted a transaction because of concurrency, so it may run again.
     *
     * @param e the failure
     * @return whether to run it again
     */
    public static boolean retryable(SQLException e) {
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
     *
     * @param failure the failure
     * @return whether the database could not be reached
     */
    public static boolean unreachable(RuntimeException failure) {
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

    /**
     * Returns whether a statement violated a unique constraint.
     *
     * @param e the failure
     * @return whether it did
     */
    public static boolean uniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    /**
     * Returns the unavailable-store failure for a database failure: its SQL state and error code, never
     * its message, which may name the URL or the user.
     *
     * @param what what failed
     * @param e the database failure
     * @return the failure to throw
     */
    public static StoreUnavailableException unavailable(String what, SQLException e) {
        return new StoreUnavailableException(what + " (SQL state " + e.getSQLState() + ", error " + e.getErrorCode() + ")", e);
    }
}
