package io.github.calendlywebhook.dashboard.admin;

import io.github.calendlywebhook.core.audit.AuditEntry;
import io.github.calendlywebhook.core.audit.AuditLog;
import io.github.calendlywebhook.core.audit.EventSource;
import io.github.calendlywebhook.core.audit.Outcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit log in the database: written by the webhook processor for every delivery and by the admin
 * panel for every admin action, read by the audit view, the CSV export and delivery health.
 */
public final class JdbcAuditTrail implements AuditLog {

    private static final String COLUMNS = "id, at, action, outcome, status, client_address, event_name, event_key,"
            + " detail, processing_ms, source, entry_count";

    private final JdbcTemplate jdbc;

    /**
     * Creates the trail.
     *
     * @param jdbc the database
     */
    public JdbcAuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(AuditEntry e) {
        jdbc.update("INSERT INTO dashboard_audit (at, action, outcome, status, client_address, event_name, event_key,"
                        + " detail, processing_ms, source, entry_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Timestamp.from(e.at()), e.action(), e.outcome() == null ? null : e.outcome().name(), e.status(),
                cut(e.clientAddress(), 64), cut(e.eventName(), 128), cut(e.eventKey(), 1024), cut(e.detail(), 1024),
                e.processingTime() == null ? null : e.processingTime().toMillis(), e.source().name(), e.count());
    }

    /**
     * Returns one page of entries, newest first.
     *
     * @param filter the filter
     * @param offset how many matching entries to skip
     * @param limit the page size
     * @return the entries
     */
    public List<AuditRecord> find(AuditFilter filter, long offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(limit);
        args.add(offset);
        return jdbc.query("SELECT " + COLUMNS + " FROM dashboard_audit" + where
                + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?", (rs, n) -> map(rs), args.toArray());
    }

    /**
     * Returns the latest entry about one event.
     *
     * @param eventKey the idempotency key of the event
     * @return the entry, if any
     */
    public Optional<AuditRecord> findByEventKey(String eventKey) {
        return jdbc.query("SELECT " + COLUMNS + " FROM dashboard_audit WHERE event_key = ? ORDER BY id DESC LIMIT 1",
                (rs, n) -> map(rs), eventKey).stream().findFirst();
    }

    /**
     * Counts the matching entries.
     *
     * @param filter the filter
     * @return the number of rows
     */
    public long count(AuditFilter filter) {
        List<Object> args = new ArrayList<>();
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM dashboard_audit" + where(filter, args), Long.class,
                args.toArray());
        return count == null ? 0 : count;
    }

    /**
     * Returns the latest entry with an action.
     *
     * @param action the action code
     * @return the entry, if any
     */
    public Optional<AuditRecord> latest(String action) {
        return find(new AuditFilter(action, null, null, null), 0, 1).stream().findFirst();
    }

    /**
     * Returns how many deliveries had each outcome since an instant (aggregated entries count fully).
     *
     * @param since the earliest instant
     * @return counts by outcome code, only outcomes that occurred
     */
    public Map<String, Long> deliveryCountsSince(Instant since) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT action, SUM(entry_count) FROM dashboard_audit WHERE outcome IS NOT NULL AND at >= ?"
                + " GROUP BY action ORDER BY action", rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, Timestamp.from(since));
        return counts;
    }

    /**
     * Deletes entries older than an instant.
     *
     * @param before the cut-off
     * @return how many were deleted
     */
    public int deleteBefore(Instant before) {
        return jdbc.update("DELETE FROM dashboard_audit WHERE at < ?", Timestamp.from(before));
    }

    private static String where(AuditFilter filter, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (filter.action() != null) {
            if ("admin".equals(filter.action())) {
                conditions.add("outcome IS NULL");
            } else {
                conditions.add("action = ?");
                args.add(filter.action());
            }
        }
        if (filter.eventName() != null) {
            conditions.add("event_name = ?");
            args.add(filter.eventName());
        }
        if (filter.from() != null) {
            conditions.add("at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static AuditRecord map(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        long millis = rs.getLong("processing_ms");
        Duration processing = rs.wasNull() ? null : Duration.ofMillis(millis);
        return new AuditRecord(rs.getLong("id"), new AuditEntry(rs.getTimestamp("at").toInstant(),
                rs.getString("action"), outcome == null ? null : Outcome.valueOf(outcome), rs.getInt("status"),
                rs.getString("client_address"), rs.getString("event_name"), rs.getString("event_key"),
                rs.getString("detail"), processing, EventSource.valueOf(rs.getString("source")),
                rs.getLong("entry_count")));
    }

    private static @Nullable String cut(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
