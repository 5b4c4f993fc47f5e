package io.github.calendlywebhook.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Combines concurrent appends into one transaction (group commit). Each caller queues its event; the
 * caller that finds no transaction running becomes the leader, takes every queued event (up to a limit),
 * appends them together and hands each caller its own result, while the others wait. A caller alone
 * pays nothing more than the queue. When the combined transaction fails, the leader appends each of
 * its events alone, so one bad event cannot fail the others; a caller gets a result only once its
 * event's transaction has committed, and the exception of its own transaction otherwise.
 */
final class GroupCommit {

    private final Function<List<StoredEvent>, List<AppendResult>> together;
    private final Function<StoredEvent, AppendResult> alone;
    private final Predicate<RuntimeException> failsEveryone;
    private final int maxBatch;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock leader = new ReentrantLock();
    private final Object signal = new Object();
    private long generation;

    /**
     * @param together appends events in one transaction, returning their results in order
     * @param alone appends one event in its own transaction
     * @param failsEveryone tells a failure that would fail each event alone too (the database is
     *     unreachable), so the leader does not try them one by one
     * @param maxBatch the most events one transaction takes
     */
    GroupCommit(Function<List<StoredEvent>, List<AppendResult>> together, Function<StoredEvent, AppendResult> alone,
            Predicate<RuntimeException> failsEveryone, int maxBatch) {
        this.together = Objects.requireNonNull(together, "together");
        this.alone = Objects.requireNonNull(alone, "alone");
        this.failsEveryone = Objects.requireNonNull(failsEveryone, "failsEveryone");
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be positive");
        }
        this.maxBatch = maxBatch;
    }

    /** Appends the event, alone or with the events queued at the same time, and waits for its result. */
    AppendResult append(StoredEvent event) {
        Pending mine = new Pending(event);
        queue.add(mine);
        boolean interrupted = false;
        try {
            for (;;) {
                long seen;
                synchronized (signal) {
                    seen = generation;
                }
                if (mine.done()) {
                    return mine.result();
                }
                if (leader.tryLock()) {
                    try {
                        if (!mine.done()) {
                            lead();
                        }
                    } finally {
                        leader.unlock();
                        synchronized (signal) {
                            generation++;
                            signal.notifyAll();
                        }
                    }
                    continue;
                }
                // The event stays queued: a caller cannot withdraw it once a leader may have taken it, so
                // it waits for the outcome even when interrupted and keeps the interrupt for later.
                synchronized (signal) {
                    while (generation == seen && !mine.done()) {
                        try {
                            signal.wait();
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Returns how many events wait for a transaction. */
    int queued() {
        return queue.size();
    }

    private void lead() {
        List<Pending> batch = new ArrayList<>();
        for (Pending next; batch.size() < maxBatch && (next = queue.poll()) != null;) {
            batch.add(next);
        }
        try {
            run(batch);
        } catch (RuntimeException | Error e) {
            for (Pending pending : batch) {
                pending.failIfOpen(e);
            }
            throw e;
        }
    }

    private void run(List<Pending> batch) {
        if (batch.size() == 1) {
            Pending only = batch.get(0);
            try {
                only.complete(alone.apply(only.event));
            } catch (RuntimeException e) {
                only.fail(e);
            }
            return;
        }
        List<StoredEvent> events = new ArrayList<>(batch.size());
        batch.forEach(pending -> events.add(pending.event));
        List<AppendResult> results;
        try {
            results = together.apply(events);
        } catch (RuntimeException e) {
            oneByOne(batch, e);
            return;
        }
        if (results.size() != batch.size()) {
            throw new IllegalStateException(results.size() + " results for " + batch.size() + " events");
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).complete(results.get(i));
        }
    }

    private void oneByOne(List<Pending> batch, RuntimeException combinedFailure) {
        RuntimeException shared = failsEveryone.test(combinedFailure) ? combinedFailure : null;
        for (Pending pending : batch) {
            if (shared != null) {
                pending.fail(shared);
                continue;
            }
            try {
                pending.complete(alone.apply(pending.event));
            } catch (RuntimeException e) {
                pending.fail(e);
                shared = failsEveryone.test(e) ? e : null;
            }
        }
    }

    /** One queued event and, once known, its outcome. */
    private static final class Pending {

        final StoredEvent event;
        private volatile @Nullable AppendResult result;
        private volatile @Nullable RuntimeException failure;
        private volatile @Nullable Error error;

        Pending(StoredEvent event) {
            this.event = event;
        }

        boolean done() {
            return result != null || failure != null || error != null;
        }

        void complete(AppendResult value) {
            result = Objects.requireNonNull(value, "result");
        }

        void fail(RuntimeException e) {
            failure = e;
        }

        void failIfOpen(Throwable e) {
            if (done()) {
                return;
            }
            if (e instanceof RuntimeException) {
                failure = (RuntimeException) e;
            } else {
                error = (Error) e;
            }
        }

        AppendResult result() {
            AppendResult value = result;
            if (value != null) {
                return value;
            }
            RuntimeException runtime = failure;
            if (runtime != null) {
                throw runtime;
            }
            throw Objects.requireNonNull(error);
        }
    }
}
