package io.github.calendlywebhook.core.store;

import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.store.internal.JdbcValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Recomputes the projection tables from the raw events and recorded leads in one transaction: the
 * events are replayed into an in-memory projection, which is then written in batches.
 */
final class JdbcRebuild {

    private static final int BATCH = 500;

    private final Dialect dialect;
    private final Projection projection;

    JdbcRebuild(Dialect dialect, Projection projection) {
        this.dialect = dialect;
        this.projection = projection;
    }

    Void run(Connection connection, Function<byte[], CalendlyEvent> decoder) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (dialect == Dialect.POSTGRESQL) {
                statement.execute("LOCK TABLE calendly_event, calendly_lead IN SHARE ROW EXCLUSIVE MODE");
            }
            for (String table : new String[] {"calendly_invitee", "calendly_no_show", "calendly_daily", "calendly_total"}) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        }
        ProjectionState state = new ProjectionState(projection);
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT event_key, source, received_at, body FROM calendly_event ORDER BY id")) {
            select.setFetchSize(BATCH);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byte[] body = rows.getBytes(4);
                    state.apply(new StoredEvent(rows.getString(1), decoder.apply(body), body,
                            Objects.requireNonNull(JdbcValues.instant(rows, 3)), EventSource.valueOf(rows.getString(2))));
                }
            }
        }
        for (RecordedLead lead : JdbcLeads.all(connection)) {
            state.apply(projection.recordedLead(lead.occurredAt(), lead.test()));
        }
        write(connection, state);
        return null;
    }

    private static void write(Connection connection, ProjectionState state) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO calendly_invitee (created, canceled,"
                + " rescheduled, no_show, booking_day, event_type, event_type_name, paid_amount, test, name, email,"
                + " start_time, booked_at, uri) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (InviteeState invitee : state.invitees().values()) {
                JdbcStateRows.bindInvitee(insert, invitee, 1);
                insert.setString(14, invitee.uri());
                pending = addBatch(insert, pending);
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO calendly_no_show (uri, invitee_uri,"
                + " created, deleted, bucket_day, event_type, test) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (NoShowState mark : state.noShows().values()) {
                insert.setString(1, mark.uri());
                insert.setString(2, mark.inviteeUri());
                insert.setBoolean(3, mark.created());
                insert.setBoolean(4, mark.deleted());
                insert.setObject(5, mark.day());
                insert.setString(6, mark.eventTypeKey());
                insert.setBoolean(7, mark.test());
                pending = addBatch(insert, pending);
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO calendly_daily (bucket_day, event_type,"
                + " test, new_bookings, cancellations, reschedules, no_shows, leads, active_bookings, active_paid,"
                + " paid_amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (Map.Entry<BucketKey, Counters> bucket : new TreeMap<>(state.dailyBuckets()).entrySet()) {
                insert.setObject(1, bucket.getKey().day());
                insert.setString(2, bucket.getKey().eventTypeKey());
                insert.setBoolean(3, bucket.getKey().test());
                JdbcBuckets.bindCounters(insert, 4, bucket.getValue());
                pending = addBatch(insert, pending);
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO calendly_total (event_type, test,"
                + " event_type_name, new_bookings, cancellations, reschedules, no_shows, leads, active_bookings,"
                + " active_paid, paid_amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Map<String, String> names = state.names();
            for (Map.Entry<BucketKey.TotalKey, Counters> bucket : state.totalBuckets().entrySet()) {
                insert.setString(1, bucket.getKey().eventTypeKey());
                insert.setBoolean(2, bucket.getKey().test());
                insert.setString(3, JdbcValues.clip(names.get(bucket.getKey().eventTypeKey()), 512));
                JdbcBuckets.bindCounters(insert, 4, bucket.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static int addBatch(PreparedStatement insert, int pending) throws SQLException {
        insert.addBatch();
        if (pending + 1 >= BATCH) {
            insert.executeBatch();
            return 0;
        }
        return pending + 1;
    }
}
