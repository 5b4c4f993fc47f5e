package io.github.calendlywebhook.core.store;

import io.github.calendlywebhook.core.event.CalendlyEvent;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ProjectionState} that forgets per-invitee and per-no-show states once they can no longer
 * change a counter within the retention window, while every day and all-time counter is kept. An
 * invitee is kept for the window after its last event, and an active booking also until the window
 * after its meeting starts, so a cancel of an upcoming meeting still subtracts the booking. Not
 * thread-safe; callers serialize access.
 */
final class ExpiringProjection {

    private final ProjectionState state;
    private final long retentionMillis;
    private static final Comparator<Touch> ORDER = Comparator.comparingLong(Touch::deadline)
            .thenComparing(Touch::noShow).thenComparing(Touch::uri);

    private final TreeSet<Touch> byDeadline = new TreeSet<>(ORDER);
    private final Map<String, Touch> lastInviteeTouch = new HashMap<>();
    private final Map<String, Touch> lastNoShowTouch = new HashMap<>();

    ExpiringProjection(ProjectionState state, long retentionMillis) {
        this.state = state;
        this.retentionMillis = retentionMillis;
    }

    ProjectionState state() {
        return state;
    }

    /** Applies one event received at the given time and schedules when its states may be forgotten. */
    void apply(StoredEvent stored, long nowMillis) {
        state.apply(stored);
        CalendlyEvent event = stored.event();
        String inviteeUri = Projection.inviteeUri(event);
        if (inviteeUri != null) {
            InviteeState invitee = state.invitees().get(inviteeUri);
            long from = nowMillis;
            Instant start = invitee == null || !invitee.active() ? null : invitee.startTime();
            if (start != null && start.toEpochMilli() > from) {
                from = start.toEpochMilli();
            }
            touch(inviteeUri, false, from + retentionMillis, lastInviteeTouch);
        }
        String noShowUri = Projection.noShowUri(event);
        if (noShowUri != null) {
            touch(noShowUri, true, nowMillis + retentionMillis, lastNoShowTouch);
        }
    }

    /** Forgets the states whose deadline is at or before the given time. */
    void expire(long nowMillis) {
        while (!byDeadline.isEmpty() && byDeadline.first().deadline() <= nowMillis) {
            Touch oldest = byDeadline.pollFirst();
            if (oldest.noShow()) {
                lastNoShowTouch.remove(oldest.uri());
                state.forgetNoShow(oldest.uri());
            } else {
                lastInviteeTouch.remove(oldest.uri());
                state.forgetInvitee(oldest.uri());
            }
        }
    }

    /** Returns how many invitee and no-show states are kept. */
    int keptStates() {
        return lastInviteeTouch.size() + lastNoShowTouch.size();
    }

    private void touch(String uri, boolean noShow, long deadline, Map<String, Touch> last) {
        Touch touch = new Touch(uri, noShow, deadline);
        @Nullable Touch previous = last.put(uri, touch);
        if (previous != null) {
            byDeadline.remove(previous);
        }
        byDeadline.add(touch);
    }

    /** When a state may be forgotten: the window after its latest event, or after its meeting starts. */
    private record Touch(String uri, boolean noShow, long deadline) {
    }
}
