package io.github.calendlywebhook.dashboard.admin;

import io.github.calendlywebhook.core.audit.AuditEntry;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One audit entry as the admin panel shows it.
 *
 * @param at when
 * @param kind {@code delivery} or {@code admin}
 * @param action the action or outcome code
 * @param status the HTTP status answered, or 0
 * @param clientAddress the client address, if known
 * @param eventName the Calendly event name, if known
 * @param eventKey the idempotency key, if known
 * @param detail a short detail, if any
 * @param processingMs the processing time in milliseconds, if measured
 * @param source {@code webhook}, {@code test} or {@code backfill}
 * @param count how many occurrences the entry stands for
 */
public record AuditView(Instant at, String kind, String action, int status, @Nullable String clientAddress,
        @Nullable String eventName, @Nullable String eventKey, @Nullable String detail, @Nullable Long processingMs,
        String source, long count) {

    /**
     * Returns the view of an entry.
     *
     * @param e the entry
     * @return the view
     */
    public static AuditView of(AuditEntry e) {
        return new AuditView(e.at(), e.outcome() == null ? "admin" : "delivery", e.action(), e.status(),
                e.clientAddress(), e.eventName(), e.eventKey(), e.detail(),
                e.processingTime() == null ? null : e.processingTime().toMillis(),
                e.source().name().toLowerCase(Locale.ROOT), e.count());
    }
}
