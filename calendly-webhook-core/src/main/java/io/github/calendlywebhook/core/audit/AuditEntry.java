package io.github.calendlywebhook.core.audit;

import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.delivery.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line of the audit log: a delivery outcome, or an application action such as an admin login.
 * Never holds a secret or a full signature.
 *
 * @param at when it happened
 * @param action a stable code: the {@link Outcome#code()} for deliveries, an application-defined code
 *     (for example {@code admin.login.failure}) otherwise
 * @param outcome the delivery outcome, or {@code null} for application actions
 * @param status the HTTP status answered, or 0 when not applicable
 * @param clientAddress the resolved client address, if known
 * @param eventName the Calendly event name, if known
 * @param eventKey the idempotency key, if known
 * @param detail a short human-readable detail, if any
 * @param processingTime how long the delivery took to process, if measured
 * @param source where the event came from
 * @param count how many occurrences this entry stands for (more than 1 when a flood of identical
 *     rejections was aggregated)
 */
public record AuditEntry(
        Instant at,
        String action,
        @Nullable Outcome outcome,
        int status,
        @Nullable String clientAddress,
        @Nullable String eventName,
        @Nullable String eventKey,
        @Nullable String detail,
        @Nullable Duration processingTime,
        EventSource source,
        long count) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(source, "source");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
    }

    /**
     * Returns an entry for one delivery.
     *
     * @param at when it was processed
     * @param outcome its outcome
     * @param clientAddress the resolved client address
     * @param eventName the event name, if parsed
     * @param eventKey the idempotency key, if parsed
     * @param detail a short detail, if any
     * @param processingTime how long it took
     * @param source where it came from
     * @return the entry
     */
    public static AuditEntry delivery(Instant at, Outcome outcome, @Nullable String clientAddress,
            @Nullable String eventName, @Nullable String eventKey, @Nullable String detail,
            @Nullable Duration processingTime, EventSource source) {
        return new AuditEntry(at, outcome.code(), outcome, outcome.status(), clientAddress, eventName, eventKey,
                detail, processingTime, source, 1);
    }
}
