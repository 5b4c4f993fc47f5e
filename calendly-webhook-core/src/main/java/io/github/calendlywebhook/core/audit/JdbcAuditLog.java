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
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log in the {@code calendly_audit} table of the shipped schema (H2 or PostgreSQL). Long
 * texts are cut to their column size; nothing secret is ever written because entries hold none. Entries
 * recorded at the same time by several threads are inserted in one transaction (group commit), so a
 * burst of deliveries pays one commit for its audit rows rather than one each.
 *
 * <p>Delivery outcomes arrive through {@link #recordSoon(AuditEntry)}: a writer thread inserts them
 * {@value #LINGER_MILLIS} ms later, as many per transaction as have gathered, so a delivery waits for its
 * event's commit but not for its audit row's, and a busy moment's rows share one commit. Reads and
 * {@link #flush()} write what is queued first. While the database cannot be reached, entries wait and the
 * writer retries every second; at most {@value #MAX_PENDING} wait, and past that new ones are dropped,
 * counted and logged.
 */
final class JdbcAuditLog implements AuditRepository {

    private static final String COLUMNS = "occurred_at, action, outcome, status, client_address, event_name, event_key,"
            + " detail, processing_micros, source, occurrences";

    private static final String INSERT = "INSERT INTO calendly_audit (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** The most concurrent entries one transaction takes. */
    private static final int MAX_BATCH = 64;
    /** The most queued entries one transaction of the writer takes. */
    private static final int MAX_QUEUED_BATCH = 512;
    /**
     * How long the writer lets entries gather before it writes them: under load one transaction then
     * carries a busy moment's entries instead of two or three.
     */
    private static final long LINGER_MILLIS = 20;
    /** The most entries {@link #recordSoon(AuditEntry)} keeps waiting for the writer. */
    static final int MAX_PENDING = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(JdbcAuditLog.class);

    private final JdbcTransactions transactions;
    private final GroupCommit<AuditEntry, Integer> groupCommit;
    private final ConcurrentLinkedQueue<AuditEntry> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final AtomicBoolean writerScheduled = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    /** Held while queued entries are written, by the writer thread or by a caller of {@link #flush()}. */
    private final ReentrantLock writing = new ReentrantLock();
    private final ScheduledThreadPoolExecutor writer;
    /** Whether the writer's last attempt failed; read and written by the writer thread only. */
    private boolean failing;

    private JdbcAuditLog(DataSource dataSource) {
        this.transactions = new JdbcTransactions(dataSource);
        this.groupCommit = new GroupCommit<>(this::insertTogether, this::insertAlone, JdbcTransactions::unreachable,
                MAX_BATCH);
        this.writer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "calendly-audit-writer");
            thread.setDaemon(true);
            return thread;
        });
        // The thread ends when idle, so an audit log that is dropped leaves nothing running.
        writer.setKeepAliveTime(10, TimeUnit.SECONDS);
        writer.allowCoreThreadTimeOut(true);
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

    @Override
    public void recordSoon(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (pendingCount.incrementAndGet() > MAX_PENDING) {
            pendingCount.decrementAndGet();
            long total = dropped.incrementAndGet();
            if (total == 1 || total % 1_000 == 0) {
                LOG.warn("Audit log dropped {} entries in all: {} wait for a database that does not keep up or "
                        + "cannot be reached", total, MAX_PENDING);
            }
            return;
        }
        pending.add(entry);
        if (writerScheduled.compareAndSet(false, true)) {
            writer.schedule(this::writeInBackground, LINGER_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Returns how many entries were dropped because too many waited for the writer. */
    long dropped() {
        return dropped.get();
    }

    @Override
    public void flush() {
        writePending();
    }

    private void writeInBackground() {
        boolean failed = false;
        try {
            writePending();
            if (failing) {
                failing = false;
                LOG.info("Audit log writes again");
            }
        } catch (RuntimeException e) {
            failed = true;
            if (!failing) {
                failing = true;
                LOG.warn("Audit log could not write {} entries; it keeps them and retries every second: {}",
                        pendingCount.get(), e.toString());
            }
        }
        writerScheduled.set(false);
        if (!pending.isEmpty() && writerScheduled.compareAndSet(false, true)) {
            writer.schedule(this::writeInBackground, failed ? 1_000 : LINGER_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Writes the queued entries, up to {@value #MAX_QUEUED_BATCH} per transaction. Only the holder of
     * {@link #writing} removes entries, and only once they are committed: entries the database could not
     * take stay queued for the next attempt.
     */
    private void writePending() {
        writing.lock();
        try {
            List<AuditEntry> batch = new ArrayList<>();
            for (;;) {
                batch.clear();
                Iterator<AuditEntry> queued = pending.iterator();
                while (batch.size() < MAX_QUEUED_BATCH && queued.hasNext()) {
                    batch.add(queued.next());
                }
                if (batch.isEmpty()) {
                    return;
                }
                try {
                    insertTogether(batch);
                    removeWritten(batch.size());
                } catch (RuntimeException e) {
                    if (JdbcTransactions.unreachable(e)) {
                        throw e;
                    }
                    writeOneByOne(batch);
                }
            }
        } finally {
            writing.unlock();
        }
    }

    /** Writes each entry alone after their batch failed, so one entry the database refuses loses no other. */
    private void writeOneByOne(List<AuditEntry> batch) {
        for (AuditEntry entry : batch) {
            try {
                insertAlone(entry);
            } catch (RuntimeException e) {
                if (JdbcTransactions.unreachable(e)) {
                    throw e;
                }
                dropped.incrementAndGet();
                LOG.warn("Audit log dropped a {} entry the database refused: {}", entry.action(), e.toString());
            }
            removeWritten(1);
        }
    }

    private void removeWritten(int count) {
        for (int i = 0; i < count; i++) {
            pending.poll();
        }
        pendingCount.addAndGet(-count);
    }

    /**
     * Writes the queued entries before a read or a delete, so either sees every entry recorded before it.
     */
    private void writeQueuedFirst() {
        try {
            writePending();
        } catch (RuntimeException e) {
            // The read or delete meets the same database and reports its state; the entries stay queued.
        }
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
        writeQueuedFirst();
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
        writeQueuedFirst();
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
        writeQueuedFirst();
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
