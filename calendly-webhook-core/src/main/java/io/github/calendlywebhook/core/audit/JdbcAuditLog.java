package io.github.calendlywebhook.core.audit;

import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.store.internal.GroupCommit;
import io.github.calendlywebhook.core.store.internal.JdbcTransactions;
import io.github.calendlywebhook.core.store.internal.JdbcValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The audit log in the {@code calendly_audit} table of the shipped schema (H2 or PostgreSQL). Long
 * texts are cut to their column size; nothing secret is ever written because entries hold none. Entries
 * recorded at the same time by several threads are inserted in one transaction (group commit), so a
 * burst of deliveries pays one commit for its audit rows rather than one each.
 */
final class JdbcAuditLog implements AuditRepository {

    private static final String COLUMNS = "occurred_at, action, outcome, status, client_address, event_name, event_key,"
            + " detail, processing_micros, source, occurrences";

    private static final String INSERT = "INSERT INTO calendly_audit (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** The most concurrent entries one transaction takes. */
    private static final int MAX_BATCH = 64;

    private final JdbcTransactions transactions;
    private final GroupCommit<AuditEntry, Integer> groupCommit;

    private JdbcAuditLog(DataSource dataSource) {
        this.transactions = new JdbcTransactions(dataSource);
        this.groupCommit = new GroupCommit<>(this::insertTogether, this::insertAlone, JdbcTransactions::unreachable,
                MAX_BATCH);
    }

    /**
     * Returns an audit log on the data source.
     *
     * @param dataSource an H2 or PostgreSQL data source whose tables exist
     * @return the audit log
     */
    static JdbcAuditLog create(DataSource dataSource) {
        return new JdbcAuditLog(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public void record(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        groupCommit.submit(entry);
    }

    /** Inserts entries recorded at the same time in one transaction, so they share one commit. */
    private List<Integer> insertTogether(List<AuditEntry> entries) {
        return transactions.inTransaction("could not write the audit entries", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (AuditEntry entry : entries) {
                    bind(insert, entry);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return Collections.nCopies(entries.size(), 1);
        });
    }

    private Integer insertAlone(AuditEntry entry) {
        return transactions.withConnection("could not write the audit entry", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                bind(insert, entry);
                return insert.executeUpdate();
            }
        });
    }

    private static void bind(PreparedStatement insert, AuditEntry entry) throws SQLException {
        JdbcValues.setInstant(insert, 1, entry.at());
        insert.setString(2, JdbcValues.clip(entry.action(), 128));
        insert.setString(3, entry.outcome() == null ? null : entry.outcome().name());
        insert.setInt(4, entry.status());
        insert.setString(5, JdbcValues.clip(entry.clientAddress(), 128));
        insert.setString(6, JdbcValues.clip(entry.eventName(), 255));
        insert.setString(7, JdbcValues.clip(entry.eventKey(), 1024));
        insert.setString(8, JdbcValues.clip(entry.detail(), 1024));
        if (entry.processingTime() == null) {
            insert.setNull(9, Types.BIGINT);
        } else {
            insert.setLong(9, entry.processingTime().toNanos() / 1000);
        }
        insert.setString(10, entry.source().name());
        insert.setLong(11, entry.count());
    }

    @Override
    public AuditPage query(AuditQuery query) {
        Objects.requireNonNull(query, "query");
        return transactions.withConnection("could not read the audit log", connection -> {
            List<Object> parameters = new ArrayList<>();
            String where = where(query, parameters);
            long total;
            try (PreparedStatement count = prepare(connection, "SELECT COUNT(*) FROM calendly_audit" + where, parameters);
                    ResultSet rows = count.executeQuery()) {
                rows.next();
                total = rows.getLong(1);
            }
            parameters.add(query.offset());
            parameters.add(query.limit());
            List<AuditEntry> entries = new ArrayList<>();
            try (PreparedStatement select = prepare(connection, "SELECT " + COLUMNS + " FROM calendly_audit" + where
                    + " ORDER BY occurred_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", parameters);
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(entry(rows));
                }
            }
            return new AuditPage(entries, total, query.offset(), query.limit());
        });
    }

    @Override
    public long deleteOlderThan(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return transactions.withConnection("could not delete old audit entries", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM calendly_audit WHERE occurred_at < ?")) {
                JdbcValues.setInstant(delete, 1, cutoff);
                return (long) delete.executeUpdate();
            }
        });
    }

    @Override
    public Map<Outcome, Long> countByOutcome(Instant since) {
        Objects.requireNonNull(since, "since");
        return transactions.withConnection("could not count audit entries", connection -> {
            Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
            try (PreparedStatement select = connection.prepareStatement("SELECT outcome, SUM(occurrences)"
                    + " FROM calendly_audit WHERE occurred_at >= ? AND outcome IS NOT NULL GROUP BY outcome")) {
                JdbcValues.setInstant(select, 1, since);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        counts.put(Outcome.valueOf(rows.getString(1)), rows.getLong(2));
                    }
                }
            }
            return counts;
        });
    }

    private static String where(AuditQuery query, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (query.from() != null) {
            conditions.add("occurred_at >= ?");
            parameters.add(query.from());
        }
        if (query.to() != null) {
            conditions.add("occurred_at < ?");
            parameters.add(query.to());
        }
        if (query.outcome() != null) {
            conditions.add("outcome = ?");
            parameters.add(query.outcome().name());
        }
        if (query.action() != null) {
            conditions.add("action = ?");
            parameters.add(query.action());
        }
        if (query.eventName() != null) {
            conditions.add("event_name = ?");
            parameters.add(query.eventName());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.size(); i++) {
                Object parameter = parameters.get(i);
                if (parameter instanceof Instant) {
                    JdbcValues.setInstant(statement, i + 1, (Instant) parameter);
                } else {
                    statement.setObject(i + 1, parameter);
                }
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private static AuditEntry entry(ResultSet row) throws SQLException {
        String outcome = row.getString(3);
        long micros = row.getLong(9);
        Duration processing = row.wasNull() ? null : Duration.ofNanos(micros * 1000);
        return new AuditEntry(Objects.requireNonNull(JdbcValues.instant(row, 1)), row.getString(2),
                outcome == null ? null : Outcome.valueOf(outcome), row.getInt(4), row.getString(5), row.getString(6),
                row.getString(7), row.getString(8), processing, EventSource.valueOf(row.getString(10)), row.getLong(11));
    }
}
