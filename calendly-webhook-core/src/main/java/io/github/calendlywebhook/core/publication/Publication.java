package io.github.calendlywebhook.core.publication;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An incomplete publication as the read API shows it (the admin panel, the health model).
 *
 * @param id the publication's id, derived from the event's stable id and the listener id
 * @param eventKey the event's key as the store keeps it
 * @param eventName the event's name, when known
 * @param listenerId the listener it is for
 * @param status where it stands
 * @param attempts the attempts started so far
 * @param createdAt when the event was stored
 * @param nextAttemptAt when it is due again; {@code null} while parked
 * @param lastAttemptAt when the last attempt started; {@code null} before the first failure is recorded
 * @param lastError the last failure; {@code null} while it never failed
 */
public record Publication(UUID id, String eventKey, @Nullable String eventName, String listenerId,
        PublicationStatus status, int attempts, Instant createdAt, @Nullable Instant nextAttemptAt,
        @Nullable Instant lastAttemptAt, @Nullable PublicationError lastError) {

    public Publication {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventKey, "eventKey");
        Objects.requireNonNull(listenerId, "listenerId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * Returns the id of the publication of an event to a listener: the same on every instance.
     *
     * @param eventId the event's stable id ({@code CalendlyEvent.idempotencyKey()})
     * @param listenerId the listener id
     * @return the id
     */
    public static UUID id(String eventId, String listenerId) {
        return UUID.nameUUIDFromBytes((eventId + "\n" + listenerId).getBytes(StandardCharsets.UTF_8));
    }
}
