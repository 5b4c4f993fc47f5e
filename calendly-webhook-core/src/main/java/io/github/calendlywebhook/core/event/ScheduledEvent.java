package io.github.calendlywebhook.core.event;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The meeting an invitee booked ({@code payload.scheduled_event} in v2, {@code payload.event} in v1).
 *
 * @param uri the scheduled event URI (v2) or a synthetic {@code uuid:} reference (v1), if known
 * @param name the meeting name, if sent
 * @param status {@code active} or {@code canceled}, if sent
 * @param startTime the start, if sent
 * @param endTime the end, if sent
 * @param eventType the event type this meeting was booked on
 * @param location a display string for the location, if sent
 */
public record ScheduledEvent(@Nullable String uri, @Nullable String name, @Nullable String status,
        @Nullable Instant startTime, @Nullable Instant endTime, EventTypeRef eventType, @Nullable String location) {

    public ScheduledEvent {
        java.util.Objects.requireNonNull(eventType, "eventType");
    }
}
