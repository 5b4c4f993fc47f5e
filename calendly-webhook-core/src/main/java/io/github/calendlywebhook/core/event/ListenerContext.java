package io.github.calendlywebhook.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * What a listener is told about one call besides the event: which listener it runs as, which attempt
 * this is, and the event's stable id, so that it can make its side effect idempotent (delivery to
 * listeners is at least once: a listener that threw, or whose process died before it returned, is
 * called again for the same event).
 *
 * @param eventId the event's stable id, the same on every attempt and every instance: its
 *     {@link CalendlyEvent#idempotencyKey()}; use it as the idempotency key of the side effect
 * @param listenerId the id the listener is registered under
 * @param attempt which attempt this is, from 1; above 1 an earlier attempt may have had its effect
 * @param publishedAt when the event was stored and its publication created
 */
public record ListenerContext(String eventId, String listenerId, int attempt, Instant publishedAt) {

    public ListenerContext {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(listenerId, "listenerId");
        Objects.requireNonNull(publishedAt, "publishedAt");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
        }
    }

    /** Returns whether this is the first attempt. */
    public boolean firstAttempt() {
        return attempt == 1;
    }
}
