package io.github.calendlywebhook.dashboard.live;

/** Computes the full dashboard snapshot a live stream sends for one period. */
@FunctionalInterface
public interface SnapshotSource {

    /**
     * Returns the snapshot.
     *
     * @param period a valid period code ({@code today}, {@code 7d}, {@code 30d}, {@code all})
     * @return an object serialized as the event's JSON data
     */
    Object snapshot(String period);
}
