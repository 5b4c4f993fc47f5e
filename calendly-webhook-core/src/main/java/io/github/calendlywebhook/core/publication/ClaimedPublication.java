package io.github.calendlywebhook.core.publication;

import io.github.calendlywebhook.core.event.CalendlyEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * A publication claimed to run now, with its event.
 *
 * @param claim the claim to finish the attempt with
 * @param listenerId the listener to run
 * @param attempt which attempt this is, from 1
 * @param createdAt when the event was stored
 * @param event the event, parsed again from the stored body when the registry keeps only bytes
 */
public record ClaimedPublication(PublicationClaim claim, String listenerId, int attempt, Instant createdAt,
        CalendlyEvent event) {

    public ClaimedPublication {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(listenerId, "listenerId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(event, "event");
    }
}
