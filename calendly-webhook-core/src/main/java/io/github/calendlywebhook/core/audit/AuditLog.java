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

    /** Returns an audit log that discards every entry. */
    static AuditLog discarding() {
        return entry -> { };
    }
}
