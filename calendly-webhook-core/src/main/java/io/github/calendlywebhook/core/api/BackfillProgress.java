package io.github.calendlywebhook.core.api;

/** Receives progress while a {@link Backfill} runs, after each scheduled event. */
@FunctionalInterface
public interface BackfillProgress {

    /**
     * Reports progress.
     *
     * @param done scheduled events processed so far
     * @param total scheduled events in the range
     * @param soFar the counts so far
     */
    void onProgress(int done, int total, BackfillSummary soFar);

    /** Returns a listener that ignores progress. */
    static BackfillProgress none() {
        return (done, total, soFar) -> { };
    }
}
