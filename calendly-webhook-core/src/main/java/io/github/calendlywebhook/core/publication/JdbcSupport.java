package io.github.calendlywebhook.core.publication;

import io.github.calendlywebhook.core.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The JDBC plumbing of the publication registry: short transactions, instants as UTC timestamps cut to
 * microseconds (what PostgreSQL keeps), and failures as {@link StoreUnavailableException} naming no URL,
 * user or password.
 */
final class JdbcSupport {

    /** A unit of work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private volatile @Nullable Boolean postgres;

    JdbcSupport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Work on a connection the caller holds. */
    @FunctionalInterface
    interface Step<T> {
        T run() throws SQLException;
    }

    <T> T inTransaction(String what, Work<T> work) {
        return withConnection(what, connection -> inTransaction(connection, () -> work.run(connection)));
    }

    static <T> T inTransaction(Connection connection, Step<T> step) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T result = step.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            rollback(connection, e);
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    static <T> T autoCommitting(Connection connection, Step<T> step) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try {
            return step.run();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    <T> T withConnection(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw unavailable(what, e);
        }
    }

    /** Returns whether the database is PostgreSQL (otherwise H2), detected on first use. */
    boolean postgres(Connection connection) throws SQLException {
        Boolean known = postgres;
        if (known == null) {
            known = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            postgres = known;
        }
        return known;
    }

    static void setInstant(PreparedStatement statement, int index, @Nullable Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(micros(instant), ZoneOffset.UTC));
        }
    }

    static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static void rollback(Connection connection, Exception e) {
        try {
            connection.rollback();
        } catch (SQLException suppressed) {
            e.addSuppressed(suppressed);
        }
    }

    private static StoreUnavailableException unavailable(String what, SQLException e) {
        return new StoreUnavailableException(what + " (SQL state " + e.getSQLState() + ", error " + e.getErrorCode()
                + ")", e);
    }
}
