package io.github.calendlywebhook.dashboard.calendly;

import io.github.calendlywebhook.core.api.Backfill;
import io.github.calendlywebhook.core.api.BackfillSummary;
import io.github.calendlywebhook.dashboard.live.ChangeBus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs core's {@link Backfill} in the background, one run at a time on a bounded executor, and keeps
 * its progress for the Subscriptions page. Backfilled events go through the same store with the same
 * idempotency keys as live deliveries, so running it again changes nothing.
 */
public final class BackfillService {

    private static final Logger LOG = LoggerFactory.getLogger(BackfillService.class);

    /** Where a backfill stands. */
    public enum State {
        /** No backfill ran since the start. */
        IDLE,
        /** A backfill is running. */
        RUNNING,
        /** The last backfill finished. */
        DONE,
        /** The last backfill failed. */
        FAILED
    }

    /**
     * The progress of the last backfill.
     *
     * @param state where it stands
     * @param days how many past days it covers
     * @param done scheduled events processed
     * @param total scheduled events found
     * @param summary the counts so far
     * @param error why it failed
     * @param startedAt when it started
     * @param finishedAt when it ended
     */
    public record Status(State state, int days, int done, int total, BackfillSummary summary, @Nullable String error,
            @Nullable Instant startedAt, @Nullable Instant finishedAt) {

        static final Status IDLE = new Status(State.IDLE, 0, 0, 0, BackfillSummary.EMPTY, null, null, null);
    }

    private final @Nullable Backfill backfill;
    private final ExecutorService executor;
    private final ChangeBus changes;
    private final Clock clock;
    private final Duration lookahead;
    private final int maxDays;
    private final AtomicReference<Status> status = new AtomicReference<>(Status.IDLE);

    BackfillService(@Nullable Backfill backfill, ExecutorService executor, ChangeBus changes, Clock clock,
            CalendlyProperties properties) {
        this.backfill = backfill;
        this.executor = executor;
        this.changes = changes;
        this.clock = clock;
        this.lookahead = properties.backfillLookahead();
        this.maxDays = properties.backfillMaxDays();
    }

    /** Returns the progress of the last backfill. */
    public Status status() {
        return status.get();
    }

    /**
     * Starts a backfill of the last {@code days} days (and the configured lookahead, as meetings booked
     * during an outage can start weeks later).
     *
     * @param days 1 to the configured maximum
     * @return the status right after starting
     * @throws IllegalArgumentException for a bad number of days
     * @throws IllegalStateException when no token is configured or a backfill is already running
     */
    public synchronized Status start(int days) {
        if (backfill == null) {
            throw new IllegalStateException("CALENDLY_API_TOKEN is not set");
        }
        if (days < 1 || days > maxDays) {
            throw new IllegalArgumentException("choose between 1 and " + maxDays + " days");
        }
        if (status.get().state() == State.RUNNING) {
            throw new IllegalStateException("a backfill is already running");
        }
        Instant now = clock.instant();
        Status started = new Status(State.RUNNING, days, 0, 0, BackfillSummary.EMPTY, null, now, null);
        status.set(started);
        Backfill run = backfill;
        try {
            executor.execute(() -> run(run, days, now));
        } catch (RejectedExecutionException e) {
            status.set(Status.IDLE);
            throw new IllegalStateException("a backfill is already running", e);
        }
        return started;
    }

    private void run(Backfill run, int days, Instant now) {
        Instant startedAt = now;
        try {
            BackfillSummary summary = run.run(now.minus(Duration.ofDays(days)), now.plus(lookahead),
                    (done, total, soFar) -> status.set(new Status(State.RUNNING, days, done, total, soFar, null,
                            startedAt, null)));
            Status last = status.get();
            status.set(new Status(State.DONE, days, last.total(), last.total(), summary, null, startedAt,
                    clock.instant()));
            if (summary.stored() > 0) {
                changes.publish("backfill");
            }
        } catch (RuntimeException e) {
            LOG.warn("Calendly backfill failed: {}", e.toString());
            Status last = status.get();
            status.set(new Status(State.FAILED, days, last.done(), last.total(), last.summary(), Problems.describe(e),
                    startedAt, clock.instant()));
            changes.publish("backfill");
        }
    }

    @Override
    public String toString() {
        return "BackfillService[" + status.get().state() + "]";
    }
}
