package io.github.calendlywebhook.core.publication;

import java.util.Objects;
import java.util.UUID;

/**
 * The right to finish one attempt of a publication: its id and the version its claim set. A registry
 * accepts a completion, a failure or a renewal only with the current version, so an instance whose
 * lease expired and was taken over cannot finish the new holder's attempt.
 *
 * @param id the publication id
 * @param version the version the claim set
 */
public record PublicationClaim(UUID id, long version) {

    /** The version of a publication claimed by the instance that stored its event. */
    public static final long FIRST = 1;

    public PublicationClaim {
        Objects.requireNonNull(id, "id");
    }
}
