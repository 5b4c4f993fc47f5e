package io.github.calendlywebhook.core.store;

import io.github.calendlywebhook.core.store.internal.JdbcTransactions;
import io.github.calendlywebhook.core.store.internal.JdbcValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The table of leads recorded through the application. */
final class JdbcLeads {

    private JdbcLeads() {
    }

    /** Inserts the lead unless its id exists; returns whether it was new. */
    static boolean insert(Connection connection, Dialect dialect, RecordedLead lead) throws SQLException {
        String sql = "INSERT INTO calendly_lead (lead_id, occurred_at, test) VALUES (?, ?, ?)"
                + (dialect == Dialect.POSTGRESQL ? " ON CONFLICT (lead_id) DO NOTHING" : "");
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, StoreKeys.fit(lead.leadId()));
            JdbcValues.setInstant(insert, 2, lead.occurredAt());
            insert.setBoolean(3, lead.test());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            if (dialect == Dialect.H2 && JdbcTransactions.uniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    static List<RecordedLead> all(Connection connection) throws SQLException {
        List<RecordedLead> leads = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT lead_id, occurred_at, test FROM calendly_lead ORDER BY lead_id");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                leads.add(new RecordedLead(rows.getString(1), java.util.Objects.requireNonNull(JdbcValues.instant(rows, 2)),
                        rows.getBoolean(3)));
            }
        }
        return leads;
    }
}
