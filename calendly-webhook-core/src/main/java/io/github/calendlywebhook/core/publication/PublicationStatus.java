package io.github.calendlywebhook.core.publication;

/** Where an incomplete publication stands; a completed one is deleted. */
public enum PublicationStatus {
    /** Not yet run to completion and never failed: due, or running now. */
    PENDING,
    /** Failed at least once and due again after its back-off (or running again now). */
    RETRYING,
    /** Failed on its last allowed attempt or past its age limit: waits for a retry on demand. */
    PARKED
}
