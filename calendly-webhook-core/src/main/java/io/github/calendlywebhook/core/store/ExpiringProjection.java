package io.github.calendlywebhook.core.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The in-memory store's projection: every day and all-time counter for good ({@link ProjectionState}),
 * and per-invitee and per-no-show states packed into {@link DigestTable}s, forgotten once they can no
 * longer change a counter within the retention window. An invitee is kept for the window after its last
 * event, and an active booking also until the window after its meeting starts, so a cancel of an
 * upcoming meeting still subtracts the booking. A state takes a 128-bit digest of its URI, one packed
 * {@code long} and the paid amount, if any; only the newest bookings keep the details the recent-bookings
 * list shows ({@link RecentDetails}). Not thread-safe; callers serialize access.
 */
final class ExpiringProjection {

    private static final int PACKED = 0;
    private static final int PAID = 0;

    private final Projection projection;
    private final ProjectionState counters;
    private final long retentionMillis;
    private final DigestTable invitees = new DigestTable(1, 1);
    private final DigestTable noShows = new DigestTable(1, 0);
    private final PackedStates packing;
    private final RecentDetails recent;

    ExpiringProjection(Projection projection, long retentionMillis, int recentBookings) {
        this.projection = projection;
        this.counters = new ProjectionState(projection);
        this.retentionMillis = retentionMillis;
        this.packing = new PackedStates(projection.zone());
        this.recent = new RecentDetails(recentBookings);
    }

    /** Returns the counters. */
    ProjectionState state() {
        return counters;
    }

    /** Applies one event received at the given time and schedules when its states may be forgotten. */
    void apply(StoredEvent stored, long nowMillis) {
        String inviteeUri = Projection.inviteeUri(stored.event());
        if (inviteeUri == null) {
            counters.applyCounters(projection.apply(stored, null, null), stored.event());
            return;
        }
        KeyDigests.Digest inviteeKey = KeyDigests.of(inviteeUri);
        int slot = invitees.find(inviteeKey.high(), inviteeKey.low());
        InviteeState before = slot < 0 ? null : packing.invitee(inviteeUri, invitees.getLong(PACKED, slot),
                (BigDecimal) invitees.getRef(PAID, slot));
        String markUri = Projection.noShowUri(stored.event());
        KeyDigests.Digest markKey = markUri == null ? null : KeyDigests.of(markUri);
        int markSlot = markKey == null ? -1 : noShows.find(markKey.high(), markKey.low());
        NoShowState mark = markSlot < 0 || markUri == null ? null
                : packing.noShow(markUri, inviteeUri, noShows.getLong(PACKED, markSlot));

        ProjectionStep step = projection.apply(stored, before, mark);
        counters.applyCounters(step, stored.event());

        InviteeState after = step.invitee() != null ? step.invitee() : before;
        if (after != null) {
            long deadline = nowMillis + retentionMillis;
            if (after.active() && after.startTime() != null) {
                deadline = Math.max(deadline, after.startTime().toEpochMilli() + retentionMillis);
            }
            if (after.active() && before != null && before.active()) {
                deadline = Math.max(deadline, invitees.deadline(slot));
            }
            slot = keep(invitees, slot, inviteeKey, deadline, packing.pack(after));
            invitees.setRef(PAID, slot, after.paidAmount());
            if (after.created() && (before == null || !before.created())) {
                recent.offer(inviteeKey, after);
            }
        }
        NoShowState markAfter = step.noShow() != null ? step.noShow() : mark;
        if (markKey != null && markAfter != null) {
            keep(noShows, markSlot, markKey, nowMillis + retentionMillis, packing.pack(markAfter));
        }
    }

    /** Forgets the states whose deadline is at or before the given time. */
    void expire(long nowMillis) {
        invitees.expire(nowMillis,
                slot -> recent.forget(new KeyDigests.Digest(invitees.digestHigh(slot), invitees.digestLow(slot))));
        noShows.expire(nowMillis, slot -> { });
    }

    /** Returns how many invitee and no-show states are kept. */
    int keptStates() {
        return invitees.size() + noShows.size();
    }

    /** Returns the newest bookings whose details are kept, with their current state. */
    List<RecentBooking> recentBookings(int limit, boolean includeTest) {
        List<RecentBooking> result = new ArrayList<>();
        for (RecentDetails.Detail detail : recent.newest(limit, includeTest)) {
            int slot = invitees.find(detail.digest().high(), detail.digest().low());
            if (slot >= 0) {
                InviteeState state = packing.invitee(detail.uri(), invitees.getLong(PACKED, slot),
                        (BigDecimal) invitees.getRef(PAID, slot));
                result.add(detail.complete(state).toRecentBooking());
            }
        }
        return result;
    }

    private static int keep(DigestTable table, int slot, KeyDigests.Digest key, long deadline, long packed) {
        int kept = slot;
        if (kept < 0) {
            kept = table.insert(key.high(), key.low(), deadline);
        } else {
            table.deadline(kept, deadline);
        }
        table.setLong(PACKED, kept, packed);
        return kept;
    }
}
