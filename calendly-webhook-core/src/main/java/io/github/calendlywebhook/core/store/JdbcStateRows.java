package io.github.calendlywebhook.core.store;

import io.github.calendlywebhook.core.store.internal.JdbcTransactions;
import io.github.calendlywebhook.core.store.internal.JdbcValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads, locks and writes the per-invitee and per-no-show state rows. A row is created empty first
 * (ignoring a concurrent creator) and then locked, so two events about one invitee serialize.
 */
final class JdbcStateRows {

    private static final String INVITEE_COLUMNS = "uri, created, canceled, rescheduled, no_show, booking_day, event_type,"
            + " event_type_name, paid_amount, test, name, email, start_time, booked_at";
    private static final String NO_SHOW_COLUMNS = "uri, invitee_uri, created, deleted, bucket_day, event_type, test";

    private final Dialect dialect;

    JdbcStateRows(Dialect dialect) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    InviteeState lockInvitee(Connection connection, String uri) throws SQLException {
        return lock(connection, "calendly_invitee", dialect.inviteeByUri(), INVITEE_COLUMNS, "INSERT INTO"
                + " calendly_invitee (uri, created, canceled, rescheduled, no_show, test) VALUES (?, FALSE, FALSE, FALSE,"
                + " FALSE, FALSE)", uri, null, JdbcStateRows::invitee);
    }

    static InviteeState invitee(ResultSet row) throws SQLException {
        return new InviteeState(row.getString(1), row.getBoolean(2), row.getBoolean(3), row.getBoolean(4),
                row.getBoolean(5), row.getObject(6, LocalDate.class), row.getString(7), row.getString(8),
                row.getBigDecimal(9), row.getBoolean(10), row.getString(11), row.getString(12), JdbcValues.instant(row, 13),
                JdbcValues.instant(row, 14));
    }

    /** Writes the states of rows this transaction has locked, in one batch of updates. */
    void saveInvitees(Connection connection, Collection<InviteeState> states) throws SQLException {
        if (states.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE calendly_invitee SET created = ?,"
                + " canceled = ?, rescheduled = ?, no_show = ?, booking_day = ?, event_type = ?, event_type_name = ?,"
                + " paid_amount = ?, test = ?, name = ?, email = ?, start_time = ?, booked_at = ? WHERE "
                + dialect.inviteeByUri())) {
            if (states.size() == 1) {
                bindUpdate(update, states.iterator().next());
                update.executeUpdate();
                return;
            }
            for (InviteeState state : states) {
                bindUpdate(update, state);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static void bindUpdate(PreparedStatement update, InviteeState state) throws SQLException {
        bindInvitee(update, state, 1);
        update.setString(14, state.uri());
    }

    /**
     * Inserts the row of an invitee not stored before, which locks it until the transaction ends.
     *
     * @return {@code false}, having changed nothing, when a row with the URI exists already
     */
    boolean insertInvitee(Connection connection, InviteeState state) throws SQLException {
        String sql = "INSERT INTO calendly_invitee (" + INVITEE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?)" + (dialect == Dialect.POSTGRESQL ? " ON CONFLICT (uri) DO NOTHING" : "");
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, state.uri());
            bindInvitee(insert, state, 2);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            if (dialect == Dialect.H2 && JdbcTransactions.uniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * PostgreSQL: inserts the rows of invitees not stored before in one statement, skipping those whose row
     * exists already, and locks the new rows until the transaction ends.
     *
     * @param states the states to insert, one per URI
     * @return the URIs whose rows this inserted
     */
    Set<String> insertInvitees(Connection connection, List<InviteeState> states) throws SQLException {
        String row = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        String sql = "INSERT INTO calendly_invitee (" + INVITEE_COLUMNS + ") VALUES " + row
                + (", " + row).repeat(states.size() - 1) + " ON CONFLICT (uri) DO NOTHING RETURNING uri";
        Set<String> inserted = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            int next = 1;
            for (InviteeState state : states) {
                insert.setString(next, state.uri());
                bindInvitee(insert, state, next + 1);
                next += 14;
            }
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    inserted.add(rows.getString(1));
                }
            }
        }
        return inserted;
    }

    /** Binds every column but the URI, starting at a parameter index. */
    static void bindInvitee(PreparedStatement statement, InviteeState state, int first) throws SQLException {
        statement.setBoolean(first, state.created());
        statement.setBoolean(first + 1, state.canceled());
        statement.setBoolean(first + 2, state.rescheduled());
        statement.setBoolean(first + 3, state.noShow());
        statement.setObject(first + 4, state.bookingDay());
        statement.setString(first + 5, state.eventTypeKey());
        statement.setString(first + 6, JdbcValues.clip(state.eventTypeName(), 512));
        statement.setBigDecimal(first + 7, state.paidAmount());
        statement.setBoolean(first + 8, state.test());
        statement.setString(first + 9, JdbcValues.clip(state.name(), 512));
        statement.setString(first + 10, JdbcValues.clip(state.email(), 512));
        JdbcValues.setInstant(statement, first + 11, state.startTime());
        JdbcValues.setInstant(statement, first + 12, state.bookedAt());
    }

    NoShowState lockNoShow(Connection connection, String uri, String inviteeUri) throws SQLException {
        return lock(connection, "calendly_no_show", "uri = ?", NO_SHOW_COLUMNS, "INSERT INTO calendly_no_show (uri,"
                + " invitee_uri, created, deleted, test) VALUES (?, ?, FALSE, FALSE, FALSE)", uri, inviteeUri,
                JdbcStateRows::noShow);
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

    /** Reads one state row. */
    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /**
     * Returns the row with the URI, found by the condition, locked until the transaction ends, creating it
     * empty first when it does not exist: one upsert on PostgreSQL, a locking read and an insert only when
     * needed on H2.
     */
    private <T> T lock(Connection connection, String table, String byUri, String columns, String insert, String uri,
            @Nullable String second, RowReader<T> reader) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            try (PreparedStatement upsert = connection.prepareStatement(insert
                    + " ON CONFLICT (uri) DO UPDATE SET uri = EXCLUDED.uri RETURNING " + columns)) {
                bind(upsert, uri, second);
                try (ResultSet row = upsert.executeQuery()) {
                    row.next();
                    return reader.read(row);
                }
            }
        }
        String select = "SELECT " + columns + " FROM " + table + " WHERE " + byUri + " FOR UPDATE";
        T existing = selectForUpdate(connection, select, uri, reader);
        if (existing != null) {
            return existing;
        }
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            bind(statement, uri, second);
            statement.executeUpdate();
        } catch (SQLException e) {
            if (!JdbcTransactions.uniqueViolation(e)) {
                throw e;
            }
        }
        T created = selectForUpdate(connection, select, uri, reader);
        if (created == null) {
            throw new SQLException("state row " + uri + " vanished", "40001");
        }
        return created;
    }

    private static <T> @Nullable T selectForUpdate(Connection connection, String sql, String uri, RowReader<T> reader)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, uri);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? reader.read(row) : null;
            }
        }
    }

    private static void bind(PreparedStatement statement, String uri, @Nullable String second) throws SQLException {
        statement.setString(1, uri);
        if (second != null) {
            statement.setString(2, second);
        }
    }
}
