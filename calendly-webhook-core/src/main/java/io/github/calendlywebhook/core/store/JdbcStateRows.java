package io.github.calendlywebhook.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads, locks and writes the per-invitee and per-no-show state rows. A row is created empty first
 * (ignoring a concurrent creator) and then locked, so two events about one invitee serialize.
 */
final class JdbcStateRows {

    private static final String INVITEE_COLUMNS = "uri, created, canceled, rescheduled, no_show, booking_day, event_type,"
            + " event_type_name, paid_amount, test, name, email, start_time, booked_at";

    private final Dialect dialect;

    JdbcStateRows(Dialect dialect) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    InviteeState lockInvitee(Connection connection, String uri) throws SQLException {
        ensure(connection, "INSERT INTO calendly_invitee (uri, created, canceled, rescheduled, no_show, test)"
                + " VALUES (?, FALSE, FALSE, FALSE, FALSE, FALSE)", "uri", uri, null);
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + INVITEE_COLUMNS + " FROM calendly_invitee WHERE uri = ? FOR UPDATE")) {
            select.setString(1, uri);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("invitee row vanished", "40001");
                }
                return invitee(row);
            }
        }
    }

    static InviteeState invitee(ResultSet row) throws SQLException {
        return new InviteeState(row.getString(1), row.getBoolean(2), row.getBoolean(3), row.getBoolean(4),
                row.getBoolean(5), row.getObject(6, LocalDate.class), row.getString(7), row.getString(8),
                row.getBigDecimal(9), row.getBoolean(10), row.getString(11), row.getString(12), Jdbc.instant(row, 13),
                Jdbc.instant(row, 14));
    }

    void saveInvitee(Connection connection, InviteeState state) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE calendly_invitee SET created = ?,"
                + " canceled = ?, rescheduled = ?, no_show = ?, booking_day = ?, event_type = ?, event_type_name = ?,"
                + " paid_amount = ?, test = ?, name = ?, email = ?, start_time = ?, booked_at = ? WHERE uri = ?")) {
            bindInvitee(update, state, 1);
            update.setString(14, state.uri());
            update.executeUpdate();
        }
    }

    /** Binds every column but the URI, starting at a parameter index. */
    static void bindInvitee(PreparedStatement statement, InviteeState state, int first) throws SQLException {
        statement.setBoolean(first, state.created());
        statement.setBoolean(first + 1, state.canceled());
        statement.setBoolean(first + 2, state.rescheduled());
        statement.setBoolean(first + 3, state.noShow());
        statement.setObject(first + 4, state.bookingDay());
        statement.setString(first + 5, state.eventTypeKey());
        statement.setString(first + 6, Jdbc.clip(state.eventTypeName(), 512));
        statement.setBigDecimal(first + 7, state.paidAmount());
        statement.setBoolean(first + 8, state.test());
        statement.setString(first + 9, Jdbc.clip(state.name(), 512));
        statement.setString(first + 10, Jdbc.clip(state.email(), 512));
        Jdbc.setInstant(statement, first + 11, state.startTime());
        Jdbc.setInstant(statement, first + 12, state.bookedAt());
    }

    NoShowState lockNoShow(Connection connection, String uri, String inviteeUri) throws SQLException {
        ensure(connection, "INSERT INTO calendly_no_show (uri, invitee_uri, created, deleted, test)"
                + " VALUES (?, ?, FALSE, FALSE, FALSE)", "uri", uri, inviteeUri);
        try (PreparedStatement select = connection.prepareStatement("SELECT uri, invitee_uri, created, deleted,"
                + " bucket_day, event_type, test FROM calendly_no_show WHERE uri = ? FOR UPDATE")) {
            select.setString(1, uri);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("no-show row vanished", "40001");
                }
                return noShow(row);
            }
        }
    }

    static NoShowState noShow(ResultSet row) throws SQLException {
        return new NoShowState(row.getString(1), row.getString(2), row.getBoolean(3), row.getBoolean(4),
                row.getObject(5, LocalDate.class), row.getString(6), row.getBoolean(7));
    }

    void saveNoShow(Connection connection, NoShowState state) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE calendly_no_show SET created = ?,"
                + " deleted = ?, bucket_day = ?, event_type = ?, test = ? WHERE uri = ?")) {
            update.setBoolean(1, state.created());
            update.setBoolean(2, state.deleted());
            update.setObject(3, state.day());
            update.setString(4, state.eventTypeKey());
            update.setBoolean(5, state.test());
            update.setString(6, state.uri());
            update.executeUpdate();
        }
    }

    private void ensure(Connection connection, String insert, String keyColumn, String key, @Nullable String second)
            throws SQLException {
        String sql = dialect == Dialect.POSTGRESQL ? insert + " ON CONFLICT (" + keyColumn + ") DO NOTHING" : insert;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, key);
            if (second != null) {
                statement.setString(2, second);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            if (!JdbcTransactions.uniqueViolation(e)) {
                throw e;
            }
        }
    }
}
