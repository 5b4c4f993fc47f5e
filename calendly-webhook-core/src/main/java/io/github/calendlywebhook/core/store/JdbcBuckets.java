package io.github.calendlywebhook.core.store;

import io.github.calendlywebhook.core.store.internal.JdbcTransactions;
import io.github.calendlywebhook.core.store.internal.JdbcValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Adds counter changes to the day and all-time bucket rows (in key order, so concurrent transactions
 * lock rows in the same order) and reads them back summed.
 */
final class JdbcBuckets {

    private static final String COUNTERS = "new_bookings, cancellations, reschedules, no_shows, leads,"
            + " active_bookings, active_paid, paid_amount";
    private static final String[] COUNTER_COLUMNS = COUNTERS.split(", ");
    private static final String SUMS = "SUM(new_bookings), SUM(cancellations), SUM(reschedules), SUM(no_shows),"
            + " SUM(leads), SUM(active_bookings), SUM(active_paid), SUM(paid_amount)";

    private final Dialect dialect;

    JdbcBuckets(Dialect dialect) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    void apply(Connection connection, ProjectionStep step, Map<String, String> names) throws SQLException {
        Map<BucketKey.TotalKey, String> named = new HashMap<>();
        for (BucketKey.TotalKey key : step.totalDeltas().keySet()) {
            String name = names.get(key.eventTypeKey());
            if (name != null) {
                named.put(key, name);
            }
        }
        apply(connection, step.deltas(), named);
    }

    /**
     * Adds the day changes to their day rows and their sums to the all-time rows, in key order.
     *
     * @param deltas the changes per day bucket, sorted
     * @param names the event type name to set on an all-time row, when known
     */
    void apply(Connection connection, TreeMap<BucketKey, Counters> deltas, Map<BucketKey.TotalKey, String> names)
            throws SQLException {
        TreeMap<BucketKey.TotalKey, Counters> totals = new TreeMap<>();
        for (Map.Entry<BucketKey, Counters> entry : deltas.entrySet()) {
            BucketKey key = entry.getKey();
            totals.merge(key.total(), entry.getValue(), Counters::plus);
            add(connection, "calendly_daily", "bucket_day, event_type, test", entry.getValue(), null,
                    key.day(), key.eventTypeKey(), key.test());
        }
        for (Map.Entry<BucketKey.TotalKey, Counters> entry : totals.entrySet()) {
            BucketKey.TotalKey key = entry.getKey();
            add(connection, "calendly_total", "event_type, test", entry.getValue(), names.get(key),
                    key.eventTypeKey(), key.test());
        }
    }

    private void add(Connection connection, String table, String keyColumns, Counters delta, @Nullable String name,
            Object... key) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            upsert(connection, table, keyColumns, delta, name, key);
            return;
        }
        if (update(connection, table, keyColumns, delta, name, key) == 0) {
            try {
                insert(connection, table, keyColumns, delta, name, key, "");
            } catch (SQLException e) {
                if (!JdbcTransactions.uniqueViolation(e)) {
                    throw e;
                }
                update(connection, table, keyColumns, delta, name, key);
            }
        }
    }

    private static int update(Connection connection, String table, String keyColumns, Counters delta,
            @Nullable String name, Object... key) throws SQLException {
        StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" SET ");
        for (String column : COUNTER_COLUMNS) {
            sql.append(column).append(" = ").append(column).append(" + ?, ");
        }
        sql.setLength(sql.length() - 2);
        if (name != null) {
            sql.append(", event_type_name = ?");
        }
        sql.append(" WHERE ").append(keyColumns.replace(", ", " = ? AND ")).append(" = ?");
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int next = bindCounters(statement, 1, delta);
            if (name != null) {
                statement.setString(next++, JdbcValues.clip(name, 512));
            }
            for (Object part : key) {
                statement.setObject(next++, part);
            }
            return statement.executeUpdate();
        }
    }

    private static void upsert(Connection connection, String table, String keyColumns, Counters delta,
            @Nullable String name, Object... key) throws SQLException {
        StringBuilder onConflict = new StringBuilder(" ON CONFLICT (").append(keyColumns).append(") DO UPDATE SET ");
        for (String column : COUNTER_COLUMNS) {
            onConflict.append(column).append(" = ").append(table).append('.').append(column)
                    .append(" + EXCLUDED.").append(column).append(", ");
        }
        onConflict.setLength(onConflict.length() - 2);
        if (name != null) {
            onConflict.append(", event_type_name = EXCLUDED.event_type_name");
        }
        insert(connection, table, keyColumns, delta, name, key, onConflict.toString());
    }

    private static void insert(Connection connection, String table, String keyColumns, Counters delta,
            @Nullable String name, Object[] key, String suffix) throws SQLException {
        boolean named = table.equals("calendly_total");
        String sql = "INSERT INTO " + table + " (" + keyColumns + (named ? ", event_type_name" : "") + ", " + COUNTERS
                + ") VALUES (" + "?, ".repeat(key.length + (named ? 1 : 0)) + "?, ?, ?, ?, ?, ?, ?, ?)" + suffix;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int next = 1;
            for (Object part : key) {
                statement.setObject(next++, part);
            }
            if (named) {
                statement.setString(next++, JdbcValues.clip(name, 512));
            }
            bindCounters(statement, next, delta);
            statement.executeUpdate();
        }
    }

    static int bindCounters(PreparedStatement statement, int first, Counters counters) throws SQLException {
        statement.setLong(first, counters.newBookings());
        statement.setLong(first + 1, counters.cancellations());
        statement.setLong(first + 2, counters.reschedules());
        statement.setLong(first + 3, counters.noShows());
        statement.setLong(first + 4, counters.leads());
        statement.setLong(first + 5, counters.activeBookings());
        statement.setLong(first + 6, counters.activePaid());
        statement.setBigDecimal(first + 7, counters.paidAmount());
        return first + 8;
    }

    static Map<String, Counters> totals(Connection connection, boolean includeTest) throws SQLException {
        String sql = "SELECT event_type, " + SUMS + " FROM calendly_total" + (includeTest ? "" : " WHERE test = FALSE")
                + " GROUP BY event_type";
        Map<String, Counters> result = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                result.put(rows.getString(1), counters(rows, 2));
            }
        }
        return result;
    }

    static List<BucketCounters> daily(Connection connection, DateRange range, boolean includeTest) throws SQLException {
        String sql = "SELECT bucket_day, event_type, " + SUMS + " FROM calendly_daily WHERE bucket_day BETWEEN ? AND ?"
                + (includeTest ? "" : " AND test = FALSE") + " GROUP BY bucket_day, event_type";
        List<BucketCounters> result = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, range.from());
            statement.setObject(2, range.to());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(new BucketCounters(rows.getObject(1, LocalDate.class), rows.getString(2), counters(rows, 3)));
                }
            }
        }
        return result;
    }

    static Map<String, String> names(Connection connection) throws SQLException {
        Map<String, String> result = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT event_type, MAX(event_type_name)"
                + " FROM calendly_total WHERE event_type_name IS NOT NULL GROUP BY event_type");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                result.put(rows.getString(1), rows.getString(2));
            }
        }
        return result;
    }

    private static Counters counters(ResultSet row, int first) throws SQLException {
        return new Counters(row.getLong(first), row.getLong(first + 1), row.getLong(first + 2), row.getLong(first + 3),
                row.getLong(first + 4), row.getLong(first + 5), row.getLong(first + 6),
                row.getBigDecimal(first + 7).stripTrailingZeros());
    }
}
