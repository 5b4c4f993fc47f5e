package io.github.calendlywebhook.core.store;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What one event changes: the new invitee and no-show states (when the event is about them) and the
 * counter changes per day bucket, sorted so that stores lock rows in one global order.
 *
 * @param invitee the invitee's new state, or {@code null} when unchanged or not applicable
 * @param noShow the no-show's new state, or {@code null} when unchanged or not applicable
 * @param deltas the counter changes, sorted by bucket
 */
record ProjectionStep(@Nullable InviteeState invitee, @Nullable NoShowState noShow,
        TreeMap<BucketKey, Counters> deltas) {

    ProjectionStep {
        Objects.requireNonNull(deltas, "deltas");
    }

    static ProjectionStep none() {
        return new ProjectionStep(null, null, new TreeMap<>());
    }

    /** Returns the changes per all-time bucket, sorted. */
    TreeMap<BucketKey.TotalKey, Counters> totalDeltas() {
        TreeMap<BucketKey.TotalKey, Counters> totals = new TreeMap<>();
        for (Map.Entry<BucketKey, Counters> entry : deltas.entrySet()) {
            totals.merge(entry.getKey().total(), entry.getValue(), Counters::plus);
        }
        return totals;
    }
}
