package io.github.calendlywebhook.core.api;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A scheduled event (a booked meeting) as listed by {@code GET /scheduled_events}.
 *
 * @param uri the scheduled event URI
 * @param name the meeting name, if set
 * @param status {@code active} or {@code canceled}
 * @param startTime the start, if sent
 * @param endTime the end, if sent
 * @param eventType the event type URI, if sent
 * @param json the resource exactly as Calendly sent it, used to rebuild webhook payloads
 */
public record CalendlyScheduledEvent(String uri, @Nullable String name, String status, @Nullable Instant startTime,
        @Nullable Instant endTime, @Nullable String eventType, String json) {

    public CalendlyScheduledEvent {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(json, "json");
    }

    /** Returns the last path segment of the URI, as used in {@code /scheduled_events/{uuid}/invitees}. */
    public String uuid() {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    /** Returns whether the meeting was canceled. */
    public boolean canceled() {
        return "canceled".equals(status);
    }
}
