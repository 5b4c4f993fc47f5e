package io.github.calendlywebhook.core.publication;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The publications to create for each newly stored event: one per listener, already claimed by the
 * storing instance (version {@link PublicationClaim#FIRST}, attempt 1), so that no other instance runs
 * them while this one makes the first attempt.
 *
 * @param listenerIds the registered listener ids
 * @param owner the storing instance
 * @param createdAt now
 * @param leaseUntil when the first claim expires
 */
public record NewPublications(List<String> listenerIds, String owner, Instant createdAt, Instant leaseUntil) {

    public NewPublications {
        listenerIds = List.copyOf(Objects.requireNonNull(listenerIds, "listenerIds"));
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
    }
}
