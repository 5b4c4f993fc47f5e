package io.github.calendlywebhook.core.event;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Envelope fields shared by every event.
 *
 * @param name the event name as sent, for example {@code invitee.created}
 * @param createdAt when Calendly created the event ({@code created_at} in v2, {@code time} in v1), if sent
 * @param createdBy the URI of the user that owns the subscription (v2 only), if sent
 * @param format the envelope shape the event arrived in
 * @param test whether the signed body marks this as a test delivery (top-level {@code "test": true}), which
 *     dashboards keep out of business numbers
 */
public record EventMetadata(String name, @Nullable Instant createdAt, @Nullable String createdBy, PayloadFormat format,
        boolean test) {

    public EventMetadata {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        if (name.isBlank()) {
            throw new IllegalArgumentException("event name must not be blank");
        }
    }
}
