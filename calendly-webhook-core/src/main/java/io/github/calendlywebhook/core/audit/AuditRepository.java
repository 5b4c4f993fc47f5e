package io.github.calendlywebhook.core.audit;

import io.github.calendlywebhook.core.delivery.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;

/** An audit log that can also be read: filtered pages, retention and counts for delivery health. */
public interface AuditRepository extends AuditLog {

    /**
     * Returns an audit log that keeps the newest 10,000 entries in memory, forgetting the oldest once
     * full, so a flood cannot exhaust memory.
     *
     * @return the audit log
     */
    static AuditRepository inMemory() {
        return new InMemoryAuditLog();
    }

    /**
     * Returns an audit log that keeps the newest entries in memory, forgetting the oldest once full.
     *
     * @param capacity how many entries are kept, at least 1
     * @return the audit log
     */
    static AuditRepository inMemory(int capacity) {
        return new InMemoryAuditLog(capacity);
    }

    /**
     * Returns the audit log in the {@code calendly_audit} table of the shipped schema (H2 or PostgreSQL).
     * Long texts are cut to their column size; entries recorded at the same time by several threads are
     * inserted in one transaction.
     *
     * @param dataSource an H2 or PostgreSQL data source whose tables exist
     * @return the audit log
     */
    static AuditRepository jdbc(DataSource dataSource) {
        return JdbcAuditLog.create(dataSource);
    }

    /**
     * Returns a page of matching entries, newest first.
     *
     * @param query the filters and page
     * @return the page
     */
    AuditPage query(AuditQuery query);

    /**
     * Deletes entries older than an instant.
     *
     * @param cutoff entries strictly before it are deleted
     * @return how many entries were deleted
     */
    long deleteOlderThan(Instant cutoff);

    /**
     * Deletes entries older than a maximum age (retention).
     *
     * @param maxAge how long entries are kept, for example 30 days
     * @param clock the clock that says what "now" is
     * @return how many entries were deleted
     */
    default long deleteOlderThan(Duration maxAge, Clock clock) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge must not be negative, was " + maxAge);
        }
        return deleteOlderThan(clock.instant().minus(maxAge));
    }

    /**
     * Returns how many deliveries had each outcome since an instant, aggregated entries counted with
     * their occurrences; outcomes that did not occur are absent.
     *
     * @param since the earliest entry time, inclusive
     * @return occurrences by outcome
     */
    Map<Outcome, Long> countByOutcome(Instant since);
}
