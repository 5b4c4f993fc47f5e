package io.github.calendlywebhook.core.api;

/**
 * What a {@link Backfill} found and did.
 *
 * @param scheduledEvents scheduled events read
 * @param invitees invitees read
 * @param scanned events rebuilt from them
 * @param stored events that were missing and are now stored
 * @param duplicates events that were already stored, from live deliveries or an earlier backfill
 * @param unreadable events that could not be parsed and were skipped
 */
public record BackfillSummary(int scheduledEvents, int invitees, int scanned, int stored, int duplicates,
        int unreadable) {

    /** An empty summary, before anything was read. */
    public static final BackfillSummary EMPTY = new BackfillSummary(0, 0, 0, 0, 0, 0);

    public BackfillSummary {
        if (scheduledEvents < 0 || invitees < 0 || scanned < 0 || stored < 0 || duplicates < 0 || unreadable < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }
}
