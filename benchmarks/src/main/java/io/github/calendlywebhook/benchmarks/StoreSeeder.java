package io.github.calendlywebhook.benchmarks;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Writes many {@code invitee.created} events straight into the JDBC store's tables with set-based SQL:
 * the raw events, the invitee states, and the day and all-time counters they add up to, spread over
 * the year before a given instant and three event types. What the store would have written by appending
 * them one by one, in seconds instead of hours.
 */
final class StoreSeeder {

    private static final int DAYS = 365;
    private static final int TYPES = 3;

    private StoreSeeder() {
    }

    static void seed(Database db, int count, Instant now) throws SQLException {
        if (count <= 0) {
            return;
        }
        String series = db.isPostgres() ? "generate_series(1, ?) AS s(x)" : "SYSTEM_RANGE(1, ?)";
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        LocalDate today = at.toLocalDate();
        try (Connection connection = db.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement events = connection.prepareStatement(
                    "INSERT INTO calendly_event (event_key, event_name, source, received_at, body) "
                            + "SELECT CONCAT('invitee.created https://api.calendly.com/seed/invitees/', x), "
                            + "'invitee.created', 'WEBHOOK', ?, ? FROM " + series)) {
                events.setObject(1, at);
                events.setBytes(2, Payloads.inviteeCreated(1024, 0));
                events.setInt(3, count);
                events.executeUpdate();
            }
            try (PreparedStatement invitees = connection.prepareStatement(
                    "INSERT INTO calendly_invitee (uri, created, canceled, rescheduled, no_show, booking_day, event_type, "
                            + "event_type_name, paid_amount, test, name, email, start_time, booked_at) "
                            + "SELECT CONCAT('https://api.calendly.com/seed/invitees/', x), TRUE, FALSE, FALSE, FALSE, ?, ?, "
                            + "'Seeded', CAST(NULL AS DECIMAL(19, 4)), FALSE, 'Seed', 'seed@example.com', ?, ? FROM "
                            + series)) {
                invitees.setDate(1, Date.valueOf(today.minusDays(1)));
                invitees.setString(2, typeUri(0));
                invitees.setObject(3, at);
                invitees.setObject(4, at.minusDays(1));
                invitees.setInt(5, count);
                invitees.executeUpdate();
            }
            insertCounters(connection, count, today);
            connection.commit();
            settle(connection, db.isPostgres());
        }
    }

    /** Lets the database finish the work a bulk load leaves behind, so it does not run during the reads. */
    private static void settle(Connection connection, boolean postgres) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            if (postgres) {
                statement.execute("VACUUM ANALYZE");
                statement.execute("CHECKPOINT");
            } else {
                statement.execute("ANALYZE");
                statement.execute("CHECKPOINT SYNC");
            }
        }
    }

    private static void insertCounters(Connection connection, int count, LocalDate today) throws SQLException {
        long[] perType = new long[TYPES];
        try (PreparedStatement daily = connection.prepareStatement(
                "INSERT INTO calendly_daily (bucket_day, event_type, test, new_bookings, cancellations, reschedules, "
                        + "no_shows, leads, active_bookings, active_paid, paid_amount) "
                        + "VALUES (?, ?, FALSE, ?, 0, 0, 0, 0, ?, 0, 0)")) {
            for (int day = 0; day < DAYS; day++) {
                for (int type = 0; type < TYPES; type++) {
                    int bucket = day * TYPES + type;
                    long bookings = count / (DAYS * TYPES) + (bucket < count % (DAYS * TYPES) ? 1 : 0);
                    if (bookings == 0) {
                        continue;
                    }
                    perType[type] += bookings;
                    daily.setDate(1, Date.valueOf(today.minusDays(day + 1L)));
                    daily.setString(2, typeUri(type));
                    daily.setLong(3, bookings);
                    daily.setLong(4, bookings);
                    daily.addBatch();
                }
            }
            daily.executeBatch();
        }
        try (PreparedStatement totals = connection.prepareStatement(
                "INSERT INTO calendly_total (event_type, test, event_type_name, new_bookings, cancellations, reschedules, "
                        + "no_shows, leads, active_bookings, active_paid, paid_amount) "
                        + "VALUES (?, FALSE, ?, ?, 0, 0, 0, 0, ?, 0, 0)")) {
            for (int type = 0; type < TYPES; type++) {
                totals.setString(1, typeUri(type));
                totals.setString(2, "Seeded " + type);
                totals.setLong(3, perType[type]);
                totals.setLong(4, perType[type]);
                totals.addBatch();
            }
            totals.executeBatch();
        }
    }

    private static String typeUri(int type) {
        return "https://api.calendly.com/event_types/ETSEED" + type;
    }
}
