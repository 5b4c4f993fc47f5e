package io.github.calendlywebhook.core.publication;

/**
 * How many publications are incomplete, by status.
 *
 * @param pending never failed: due or running
 * @param retrying failed at least once, due again
 * @param parked failed for good until retried on demand
 */
public record PublicationCounts(long pending, long retrying, long parked) {

    /** No publication at all. */
    public static final PublicationCounts NONE = new PublicationCounts(0, 0, 0);

    public PublicationCounts {
        if (pending < 0 || retrying < 0 || parked < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** Returns the publications whose listener has not returned yet, parked ones included. */
    public long incomplete() {
        return pending + retrying + parked;
    }

    /**
     * Returns the count of a status.
     *
     * @param status the status
     * @return its count
     */
    public long of(PublicationStatus status) {
        return switch (status) {
            case PENDING -> pending;
            case RETRYING -> retrying;
            case PARKED -> parked;
        };
    }
}
