package io.github.calendlywebhook.core.audit.internal;

import io.github.calendlywebhook.core.audit.AuditEntry;
import io.github.calendlywebhook.core.audit.AuditLog;
import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.ip.ClientKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An audit log that writes acknowledged deliveries and application actions one by one, but aggregates
 * rejections, so a flood of bad requests cannot fill the audit store. The first rejection of a kind
 * (outcome and client key, see {@link ClientKeys}: an IPv4 address or an IPv6 /64 by default) in a window
 * is written at once; the rest of that window are summed into one entry with their
 * {@link AuditEntry#count() count}, written when the window has closed and the log is next used, or on
 * {@link #flush()}.
 *
 * <p>At most {@code maxKinds} kinds have their own window at a time. Past that cap, every further
 * rejection is pooled per outcome under the client address {@value #OTHER_ADDRESSES}: nothing is written
 * for it at once, and one entry per outcome and window carries the pooled count (with no client address).
 * A flood of distinct clients therefore writes at most {@code maxKinds} rows plus one per outcome in a
 * window, and every rejection is still counted. Time comes from the clock. Thread-safe; the delegate is
 * never called while a lock is held.
 */
public final class AggregatingAuditLog implements AuditLog {

    /** The default aggregation window. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);
    /** How many kinds are tracked by default before further rejections are pooled under {@value #OTHER_ADDRESSES}. */
    public static final int DEFAULT_MAX_KINDS = 100;
    /** The client key of rejections pooled once the cap on kinds is reached. */
    public static final String OTHER_ADDRESSES = "*";

    private final AuditLog delegate;
    private final Clock clock;
    private final Duration window;
    private final ClientKeys clientKeys;
    private final int maxKinds;
    private final Map<Kind, Window> windows = new LinkedHashMap<>();
    /** The size of {@link #windows}, readable without the lock: while it is 0 there is nothing to aggregate or flush. */
    private volatile int openKinds;

    private record Kind(Outcome outcome, String clientAddress) {
    }

    private static final class Window {
        final Instant start;
        final AuditEntry first;
        long suppressed;
        Instant last;

        Window(Instant start, AuditEntry first, long suppressed) {
            this.start = start;
            this.first = first;
            this.last = start;
            this.suppressed = suppressed;
        }
    }

    private AggregatingAuditLog(AuditLog delegate, Clock clock, Duration window, ClientKeys clientKeys, int maxKinds) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.clientKeys = Objects.requireNonNull(clientKeys, "clientKeys");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        if (maxKinds < 1) {
            throw new IllegalArgumentException("maxKinds must be positive, was " + maxKinds);
        }
        this.window = window;
        this.maxKinds = maxKinds;
    }

    /**
     * Returns a log aggregating rejections per window in front of {@code delegate}.
     *
     * @param delegate where entries are written
     * @param clock the clock that opens and closes windows
     * @param window the aggregation window, positive
     * @return the log
     */
    public static AggregatingAuditLog wrap(AuditLog delegate, Clock clock, Duration window) {
        return wrap(delegate, clock, window, ClientKeys.ofDefaults(), DEFAULT_MAX_KINDS);
    }

    /**
     * Returns a log aggregating rejections per window and client key in front of {@code delegate}.
     *
     * @param delegate where entries are written
     * @param clock the clock that opens and closes windows
     * @param window the aggregation window, positive
     * @param clientKeys how client addresses are grouped into one client
     * @param maxKinds how many kinds (outcome and client key) get their own rows before rejections are pooled
     * @return the log
     */
    public static AggregatingAuditLog wrap(AuditLog delegate, Clock clock, Duration window, ClientKeys clientKeys,
            int maxKinds) {
        return new AggregatingAuditLog(delegate, clock, window, clientKeys, maxKinds);
    }

    @Override
    public void record(AuditEntry entry) {
        Outcome outcome = entry.outcome();
        if ((outcome == null || outcome.acknowledged()) && openKinds == 0) {
            delegate.recordSoon(entry);
            return;
        }
        Instant now = clock.instant();
        List<AuditEntry> toWrite = new ArrayList<>(2);
        synchronized (windows) {
            collectClosed(now, toWrite, false);
            if (outcome == null || outcome.acknowledged()) {
                toWrite.add(entry);
            } else {
                Kind kind = kindOf(outcome, entry.clientAddress());
                Window open = windows.get(kind);
                if (open == null && kind.clientAddress().equals(OTHER_ADDRESSES)) {
                    windows.put(kind, new Window(now, entry, entry.count()));
                } else if (open == null) {
                    windows.put(kind, new Window(now, entry, 0));
                    toWrite.add(entry);
                } else {
                    open.suppressed += entry.count();
                    open.last = now;
                }
            }
            openKinds = windows.size();
        }
        toWrite.forEach(delegate::recordSoon);
    }

    /**
     * Writes the pending sums of every window, open or closed, and forgets them; then has the delegate
     * write whatever it still holds.
     */
    @Override
    public void flush() {
        List<AuditEntry> toWrite = new ArrayList<>();
        synchronized (windows) {
            collectClosed(clock.instant(), toWrite, true);
            openKinds = windows.size();
        }
        toWrite.forEach(delegate::recordSoon);
        delegate.flush();
    }

    /** Returns how many rejection kinds currently have an open window. */
    public int openWindows() {
        synchronized (windows) {
            return windows.size();
        }
    }

    private Kind kindOf(Outcome outcome, @Nullable String clientAddress) {
        String address = clientAddress == null ? OTHER_ADDRESSES : clientKeys.of(clientAddress);
        Kind kind = new Kind(outcome, address);
        if (windows.size() >= maxKinds && !windows.containsKey(kind)) {
            return new Kind(outcome, OTHER_ADDRESSES);
        }
        return kind;
    }

    private void collectClosed(Instant now, List<AuditEntry> toWrite, boolean all) {
        for (Iterator<Map.Entry<Kind, Window>> it = windows.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Kind, Window> e = it.next();
            Window w = e.getValue();
            if (!all && now.isBefore(w.start.plus(window))) {
                return; // windows are kept in opening order, so every later one is still open
            }
            it.remove();
            if (w.suppressed > 0) {
                toWrite.add(summary(e.getKey(), w));
            }
        }
    }

    private static AuditEntry summary(Kind kind, Window w) {
        AuditEntry first = w.first;
        return new AuditEntry(w.last, first.action(), kind.outcome(), first.status(),
                kind.clientAddress().equals(OTHER_ADDRESSES) ? null : kind.clientAddress(), null, null,
                kind.clientAddress().equals(OTHER_ADDRESSES)
                        ? "aggregated " + w.suppressed + " from clients past the per-window cap since " + w.start
                        : "aggregated " + w.suppressed + " more since " + w.start,
                null, first.source(), w.suppressed);
    }
}
