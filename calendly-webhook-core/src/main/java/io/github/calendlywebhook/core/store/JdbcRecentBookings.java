package io.github.calendlywebhook.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the newest bookings through the index on the booking time. */
final class JdbcRecentBookings {

    private JdbcRecentBookings() {
    }

    static List<RecentBooking> read(Connection connection, int limit, boolean includeTest) throws SQLException {
        String sql = "SELECT uri, created, canceled, rescheduled, no_show, booking_day, event_type, event_type_name,"
                + " paid_amount, test, name, email, start_time, booked_at FROM calendly_invitee"
                + " WHERE created = TRUE" + (includeTest ? "" : " AND test = FALSE")
                + " ORDER BY booked_at DESC, uri FETCH FIRST ? ROWS ONLY";
        List<RecentBooking> result = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setInt(1, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    result.add(JdbcStateRows.invitee(rows).toRecentBooking());
                }
            }
        }
        return result;
    }
}
