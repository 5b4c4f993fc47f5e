package io.github.calendlywebhook.core.publication;

import io.github.calendlywebhook.core.store.internal.JdbcKeys;
import io.github.calendlywebhook.core.store.internal.JdbcValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The read side of the JDBC registry: counts by status and pages of publications with their last error. */
final class JdbcPublicationReads {

    private static final String COUNTS = "SELECT"
            + " COALESCE(SUM(CASE WHEN state = 'PENDING' AND last_error_type IS NULL THEN 1 ELSE 0 END), 0),"
            + " COALESCE(SUM(CASE WHEN state = 'PENDING' AND last_error_type IS NOT NULL THEN 1 ELSE 0 END), 0),"
            + " COALESCE(SUM(CASE WHEN state = 'PARKED' THEN 1 ELSE 0 END), 0) FROM calendly_publication";
    private static final String COLUMNS = "p.id, p.event_key, e.event_name, p.listener_id, p.attempts, p.created_at,"
            + " p.next_attempt_at, p.last_attempt_at, p.last_error_type, p.last_error_message";

    private JdbcPublicationReads() {
    }

    static PublicationCounts counts(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(COUNTS); ResultSet row = select.executeQuery()) {
            row.next();
            return new PublicationCounts(row.getLong(1), row.getLong(2), row.getLong(3));
        }
    }

    static PublicationPage list(Connection connection, boolean postgres, PublicationStatus status, int page,
            int size) throws SQLException {
        String where = " WHERE " + condition(status);
        long total;
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM calendly_publication p" + where);
                ResultSet row = count.executeQuery()) {
            row.next();
            total = row.getLong(1);
        }
        List<Publication> items = new ArrayList<>();
        String sql = "SELECT " + COLUMNS + " FROM calendly_publication p LEFT JOIN calendly_event e"
                + " ON " + JdbcKeys.eventByKey(postgres, "e", "p.event_key") + where + " ORDER BY p.created_at, p.id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, (long) page * size);
            select.setInt(2, size);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    items.add(publication(rows, status));
                }
            }
        }
        return new PublicationPage(items, page, size, total);
    }

    private static String condition(PublicationStatus status) {
        return switch (status) {
            case PENDING -> "p.state = 'PENDING' AND p.last_error_type IS NULL";
            case RETRYING -> "p.state = 'PENDING' AND p.last_error_type IS NOT NULL";
            case PARKED -> "p.state = 'PARKED'";
        };
    }

    private static Publication publication(ResultSet row, PublicationStatus status) throws SQLException {
        String errorType = row.getString("last_error_type");
        String message = row.getString("last_error_message");
        return new Publication(row.getObject("id", UUID.class), row.getString("event_key"), row.getString("event_name"),
                row.getString("listener_id"), status, row.getInt("attempts"),
                Objects.requireNonNull(JdbcValues.instant(row, "created_at")),
                status == PublicationStatus.PARKED ? null : JdbcValues.instant(row, "next_attempt_at"),
                JdbcValues.instant(row, "last_attempt_at"),
                errorType == null ? null : new PublicationError(errorType, message == null ? "" : message));
    }
}
