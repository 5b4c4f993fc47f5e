package io.github.calendlywebhook.core.audit;

import io.github.calendlywebhook.core.delivery.Outcome;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An audit log that keeps the newest entries in memory, forgetting the oldest once full, so a flood
 * cannot exhaust memory.
 */
final class InMemoryAuditLog implements AuditRepository {

    /** The capacity of {@link #InMemoryAuditLog()}. */
    static final int DEFAULT_CAPACITY = 10_000;

    private final int capacity;
    private final ArrayDeque<AuditEntry> entries = new ArrayDeque<>();

    /** Creates a log keeping the newest {@value #DEFAULT_CAPACITY} entries. */
    InMemoryAuditLog() {
        this(DEFAULT_CAPACITY);
    }

    /**
     * Creates a log keeping the newest entries.
     *
     * @param capacity how many entries are kept, at least 1
     */
    InMemoryAuditLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized void record(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(entry);
    }

    @Override
    public synchronized AuditPage query(AuditQuery query) {
        List<AuditEntry> matching = new ArrayList<>();
        for (Iterator<AuditEntry> newestFirst = entries.descendingIterator(); newestFirst.hasNext();) {
            AuditEntry entry = newestFirst.next();
            if (query.matches(entry)) {
                matching.add(entry);
            }
        }
        matching.sort((a, b) -> b.at().compareTo(a.at()));
        int from = Math.min(query.offset(), matching.size());
        int to = Math.min(from + query.limit(), matching.size());
        return new AuditPage(matching.subList(from, to), matching.size(), query.offset(), query.limit());
    }

    @Override
    public synchronized long deleteOlderThan(Instant cutoff) {
        int before = entries.size();
        entries.removeIf(entry -> entry.at().isBefore(cutoff));
        return before - entries.size();
    }

    @Override
    public synchronized Map<Outcome, Long> countByOutcome(Instant since) {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        for (AuditEntry entry : entries) {
            if (entry.outcome() != null && !entry.at().isBefore(since)) {
                counts.merge(entry.outcome(), entry.count(), Long::sum);
            }
        }
        return counts;
    }
}
