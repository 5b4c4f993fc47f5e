package io.github.calendlywebhook.core.audit;

/**
 * Receives one entry for every delivery outcome. Implementations must not throw for a full or slow
 * backend in a way that changes the answer to Calendly: the processor logs and ignores audit failures.
 */
@FunctionalInterface
public interface AuditLog {

    /**
     * Records an entry.
     *
     * @param entry the entry
     */
    void record(AuditEntry entry);

    /**
     * Records an entry that may be written shortly after this call returns, so that a caller who must
     * answer quickly does not wait for it; {@link #flush()} writes it. The processor records delivery
     * outcomes this way. By default the entry is recorded at once.
     *
     * @param entry the entry
     */
    default void recordSoon(AuditEntry entry) {
        record(entry);
    }

    /** Writes every entry that {@link #recordSoon(AuditEntry)} accepted and that is not written yet. */
    default void flush() {
    }

    /** Returns an audit log that discards every entry. */
    static AuditLog discarding() {
        return entry -> { };
    }
}
