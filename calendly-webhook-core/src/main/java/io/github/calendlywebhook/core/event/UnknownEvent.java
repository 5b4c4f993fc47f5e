package io.github.calendlywebhook.core.event;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An event kind this library has no model for (Calendly adds kinds such as {@code event_type.*},
 * {@code meeting_recap.*} or {@code contact.*}); the raw JSON is kept so nothing is lost.
 *
 * @param metadata the envelope fields
 * @param resourceUri {@code payload.uri}, if present
 * @param rawJson the whole delivery body as received, decoded as UTF-8
 */
public record UnknownEvent(EventMetadata metadata, @Nullable String resourceUri, String rawJson) implements CalendlyEvent {

    public UnknownEvent {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(rawJson, "rawJson");
    }

    /**
     * Returns the event name plus {@code payload.uri} when present, otherwise plus a SHA-256 of the
     * body, so that byte-identical redeliveries are still recognised.
     */
    @Override
    public String idempotencyKey() {
        return name() + "|" + (resourceUri != null ? resourceUri : "sha256:" + Digests.sha256Hex(rawJson));
    }
}
