package io.github.calendlywebhook.core.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/** Small JDBC conversions shared by the JDBC stores: instants as UTC timestamps with time zone. */
public final class JdbcValues {

    private JdbcValues() {
    }

    /**
     * Sets a parameter to an instant as a UTC timestamp with time zone, or to SQL {@code NULL}.
     *
     * @param statement the statement
     * @param index the parameter index, from 1
     * @param instant the instant, or {@code null}
     * @throws SQLException when the driver refuses it
     */
    public static void setInstant(PreparedStatement statement, int index, @Nullable Instant instant)
            throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    /**
     * Reads a timestamp with time zone as an instant.
     *
     * @param row the row
     * @param index the column index, from 1
     * @return the instant, or {@code null} for SQL {@code NULL}
     * @throws SQLException when the driver fails
     */
    public static @Nullable Instant instant(ResultSet row, int index) throws SQLException {
        OffsetDateTime value = row.getObject(index, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * Reads a timestamp with time zone as an instant.
     *
     * @param row the row
     * @param column the column label
     * @return the instant, or {@code null} for SQL {@code NULL}
     * @throws SQLException when the driver fails
     */
    public static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * Cuts a text to a column's length.
     *
     * @param value the text, or {@code null}
     * @param maxLength the column's length
     * @return the text, cut
     */
    public static @Nullable String clip(@Nullable String value, int maxLength) {
        return value == null || value.length() <= maxLength ? value : value.substring(0, maxLength);
    }
}
