package io.github.calendlywebhook.core.keys;

import io.github.calendlywebhook.core.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The JDBC plumbing of the signing-key store: connections, short transactions, column conversions, and
 * failures as {@link StoreUnavailableException} naming no URL, user or password.
 */
final class KeyTable {

    /** A unit of work on a connection. */
    @FunctionalInterface
    interface Work<T extends @Nullable Object> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    KeyTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T extends @Nullable Object> T read(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreUnavailableException("could not " + what + " (SQL state " + e.getSQLState() + ")", e);
        }
    }

    <T extends @Nullable Object> T inTransaction(String what, Work<T> work) {
        return read(what, connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        });
    }

    static void setInstant(PreparedStatement statement, int index, @Nullable Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static String join(Set<String> uris) {
        return uris.stream().sorted().collect(Collectors.joining(" "));
    }

    static Set<String> split(@Nullable String uris) {
        return uris == null || uris.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(uris.trim().split(" ")));
    }
}
