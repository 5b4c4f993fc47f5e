package io.github.calendlywebhook.core.store;

import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.event.CalendlyEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * An event as handed to a store: the parsed event, the raw body exactly as received, and when.
 *
 * @param key the idempotency key ({@link CalendlyEvent#idempotencyKey()})
 * @param event the parsed event
 * @param body the raw body bytes as received (not copied; callers must not modify them)
 * @param receivedAt when the delivery was received
 * @param source where the event came from
 */
public record StoredEvent(String key, CalendlyEvent event, byte[] body, Instant receivedAt, EventSource source) {

    public StoredEvent {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(source, "source");
    }

    /**
     * Returns a stored event keyed by the event's own idempotency key.
     *
     * @param event the parsed event
     * @param body the raw body
     * @param receivedAt when it was received
     * @param source where it came from
     * @return the stored event
     */
    public static StoredEvent of(CalendlyEvent event, byte[] body, Instant receivedAt, EventSource source) {
        return new StoredEvent(event.idempotencyKey(), event, body, receivedAt, source);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredEvent other && key.equals(other.key) && event.equals(other.event)
                && java.util.Arrays.equals(body, other.body) && receivedAt.equals(other.receivedAt)
                && source == other.source;
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, event, java.util.Arrays.hashCode(body), receivedAt, source);
    }

    @Override
    public String toString() {
        return "StoredEvent[key=" + key + ", event=" + event.name() + ", bytes=" + body.length + ", receivedAt="
                + receivedAt + ", source=" + source + "]";
    }
}
