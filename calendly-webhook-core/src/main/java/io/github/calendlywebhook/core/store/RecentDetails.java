package io.github.calendlywebhook.core.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The details the recent-bookings list shows (URI, name, e-mail address, event type name, times) for the
 * newest bookings only: at most a fixed number of regular and as many test bookings, newest booking time
 * first. A booking older than every kept one is not kept; a forgotten booking leaves the list and no
 * older one takes its place. Not thread-safe; callers serialize access.
 */
final class RecentDetails {

    private static final Comparator<Detail> NEWEST_FIRST = Comparator.comparing(Detail::bookedAt).reversed()
            .thenComparing(Detail::uri);

    private final int limit;
    private final TreeSet<Detail> regular = new TreeSet<>(NEWEST_FIRST);
    private final TreeSet<Detail> tests = new TreeSet<>(NEWEST_FIRST);
    private final Map<KeyDigests.Digest, Detail> byDigest = new HashMap<>();

    RecentDetails(int limit) {
        this.limit = limit;
    }

    /** Keeps a newly created booking's details if it is among the newest. */
    void offer(KeyDigests.Digest digest, InviteeState created) {
        Detail detail = new Detail(digest, created.uri(), created.name(), created.email(), created.eventTypeName(),
                created.startTime(), Objects.requireNonNull(created.bookedAt()), created.test());
        TreeSet<Detail> kept = created.test() ? tests : regular;
        if (kept.size() >= limit && NEWEST_FIRST.compare(detail, kept.last()) > 0) {
            return;
        }
        forget(digest);
        byDigest.put(digest, detail);
        kept.add(detail);
        if (kept.size() > limit) {
            byDigest.remove(kept.pollLast().digest());
        }
    }

    /** Drops a booking's details, if kept. */
    void forget(KeyDigests.Digest digest) {
        Detail detail = byDigest.remove(digest);
        if (detail != null) {
            (detail.test() ? tests : regular).remove(detail);
        }
    }

    /** Returns up to {@code count} kept details, newest first. */
    List<Detail> newest(int count, boolean includeTest) {
        List<Detail> result = new ArrayList<>(Math.min(count, 64));
        Iterator<Detail> a = regular.iterator();
        Iterator<Detail> b = includeTest ? tests.iterator() : Collections.<Detail>emptyIterator();
        Detail nextA = a.hasNext() ? a.next() : null;
        Detail nextB = b.hasNext() ? b.next() : null;
        while (result.size() < count && (nextA != null || nextB != null)) {
            if (nextB == null || nextA != null && NEWEST_FIRST.compare(nextA, nextB) <= 0) {
                result.add(nextA);
                nextA = a.hasNext() ? a.next() : null;
            } else {
                result.add(nextB);
                nextB = b.hasNext() ? b.next() : null;
            }
        }
        return result;
    }

    /** What the list shows of one booking beyond its packed state. */
    record Detail(KeyDigests.Digest digest, String uri, @Nullable String name, @Nullable String email,
            @Nullable String eventTypeName, @Nullable Instant startTime, Instant bookedAt, boolean test) {

        /** Returns the state with these details filled in. */
        InviteeState complete(InviteeState state) {
            return new InviteeState(uri, state.created(), state.canceled(), state.rescheduled(), state.noShow(),
                    state.bookingDay(), state.eventTypeKey(), eventTypeName, state.paidAmount(), state.test(), name,
                    email, startTime, bookedAt);
        }
    }
}
