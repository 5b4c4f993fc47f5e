package io.github.calendlywebhook.core.api;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An invitee of a scheduled event as listed by {@code GET /scheduled_events/{uuid}/invitees}: the same
 * resource a webhook's {@code payload} carries.
 *
 * @param uri the invitee URI, the identity used for idempotency keys
 * @param name the invitee's name, if sent
 * @param email the invitee's e-mail address, if sent
 * @param status {@code active} or {@code canceled}
 * @param rescheduled whether the cancellation was half of a reschedule
 * @param oldInvitee the invitee this booking replaces, if a reschedule
 * @param newInvitee the invitee that replaced this one, if rescheduled
 * @param createdAt when the invitee booked, if sent
 * @param updatedAt when the invitee last changed, if sent
 * @param json the resource exactly as Calendly sent it, used to rebuild webhook payloads
 */
public record CalendlyInvitee(String uri, @Nullable String name, @Nullable String email, String status,
        boolean rescheduled, @Nullable String oldInvitee, @Nullable String newInvitee, @Nullable Instant createdAt,
        @Nullable Instant updatedAt, String json) {

    public CalendlyInvitee {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(json, "json");
    }

    /** Returns whether the invitee canceled (or was moved away by a reschedule). */
    public boolean canceled() {
        return "canceled".equals(status);
    }
}
