package io.github.calendlywebhook.core.store.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Combines concurrent writes into one transaction (group commit). Each caller queues its item (an
 * event to append, an audit entry); the caller that finds no transaction running becomes the leader,
 * takes every queued item (up to a limit), writes them together and hands each caller its own result,
 * while the others wait. A caller alone pays nothing more than the queue. When the combined transaction
 * fails, the leader writes each of its items alone, so one bad item cannot fail the others; a caller
 * gets a result only once its item's transaction has committed, and the exception of its own
 * transaction otherwise.
 *
 * @param <T> the items written
 * @param <R> the result of writing one item
 */
public final class GroupCommit<T, R> {

    private final Function<List<T>, List<R>> together;
    private final Function<T, R> alone;
    private final Predicate<RuntimeException> failsEveryone;
    private final int maxBatch;
    private final ConcurrentLinkedQueue<Pending<T, R>> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock leader = new ReentrantLock();
    private final Object signal = new Object();
    private long generation;

    /**
     * Returns a group commit.
     *
     * @param together writes items in one transaction, returning their results in order
     * @param alone writes one item in its own transaction
     * @param failsEveryone tells a failure that would fail each item alone too (the database is
     *     unreachable), so the leader does not try them one by one
     * @param maxBatch the most items one transaction takes
     */
    public GroupCommit(Function<List<T>, List<R>> together, Function<T, R> alone,
            Predicate<RuntimeException> failsEveryone, int maxBatch) {
        this.together = Objects.requireNonNull(together, "together");
        this.alone = Objects.requireNonNull(alone, "alone");
        this.failsEveryone = Objects.requireNonNull(failsEveryone, "failsEveryone");
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be positive");
        }
        this.maxBatch = maxBatch;
    }

    /**
     * Writes the item, alone or with the items queued at the same time, and waits for its result.
     *
     * @param item the item
     * @return the result of writing it
     */
    public R submit(T item) {
        Pending<T, R> mine = new Pending<>(item);
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
                // The item stays queued: a caller cannot withdraw it once a leader may have taken it, so
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

    /** Returns how many items wait for a transaction. */
    public int queued() {
        return queue.size();
    }

    private void lead() {
        List<Pending<T, R>> batch = new ArrayList<>();
        for (Pending<T, R> next; batch.size() < maxBatch && (next = queue.poll()) != null;) {
            batch.add(next);
        }
        try {
            run(batch);
        } catch (RuntimeException | Error e) {
            for (Pending<T, R> pending : batch) {
                pending.failIfOpen(e);
            }
            throw e;
        }
    }

    private void run(List<Pending<T, R>> batch) {
        if (batch.size() == 1) {
            Pending<T, R> only = batch.get(0);
            try {
                only.complete(alone.apply(only.item));
            } catch (RuntimeException e) {
                only.fail(e);
            }
            return;
        }
        List<T> items = new ArrayList<>(batch.size());
        batch.forEach(pending -> items.add(pending.item));
        List<R> results;
        try {
            results = together.apply(items);
        } catch (RuntimeException e) {
            oneByOne(batch, e);
            return;
        }
        if (results.size() != batch.size()) {
            throw new IllegalStateException(results.size() + " results for " + batch.size() + " items");
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).complete(results.get(i));
        }
    }

    private void oneByOne(List<Pending<T, R>> batch, RuntimeException combinedFailure) {
        RuntimeException shared = failsEveryone.test(combinedFailure) ? combinedFailure : null;
        for (Pending<T, R> pending : batch) {
            if (shared != null) {
                pending.fail(shared);
                continue;
            }
            try {
                pending.complete(alone.apply(pending.item));
            } catch (RuntimeException e) {
                pending.fail(e);
                shared = failsEveryone.test(e) ? e : null;
            }
        }
    }

    /** One queued item and, once known, its outcome. */
    private static final class Pending<T, R> {

        final T item;
        private volatile @Nullable R result;
        private volatile @Nullable RuntimeException failure;
        private volatile @Nullable Error error;

        Pending(T item) {
            this.item = item;
        }

        boolean done() {
            return result != null || failure != null || error != null;
        }

        void complete(R value) {
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

        R result() {
            R value = result;
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
