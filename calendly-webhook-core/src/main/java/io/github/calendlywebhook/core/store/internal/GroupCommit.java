package io.github.calendlywebhook.core.store.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Combines concurrent writes into one transaction (group commit). Each caller queues its item (an
 * event to append, an audit entry); the caller that finds no transaction running becomes the leader,
 * takes every queued item (up to a limit), writes them together and hands each caller its own result,
 * while the others wait. Each waiting caller is woken only for its own outcome, or to lead the next
 * transaction, so a commit costs one wake-up per item however many callers wait. A caller alone pays
 * nothing more than the queue. When the combined transaction fails, the leader writes each of its items
 * alone, so one bad item cannot fail the others; a caller gets a result only once its item's transaction
 * has committed, and the exception of its own transaction otherwise.
 *
 * <p>Optionally a leader lingers before it takes the queued items, so that callers arriving in the
 * meantime share its transaction. It never lingers after a transaction that its own thread led alone,
 * so a sequential caller never waits for itself; {@link Linger#of} also waits only under load. On a
 * database that writes at every commit (H2 with {@code WRITE_DELAY=0}, PostgreSQL's WAL flush) fewer,
 * larger transactions cost less per item than the linger adds to each.
 *
 * @param <T> the items written
 * @param <R> the result of writing one item
 */
public final class GroupCommit<T, R> {

    /** Transactions closer than this follow each other under load. */
    private static final long BUSY_NANOS = 2_000_000L;

    private final Function<List<T>, List<R>> together;
    private final Function<T, R> alone;
    private final Predicate<RuntimeException> failsEveryone;
    private final int maxBatch;
    private final @Nullable Linger linger;
    /** The thread that led the last transaction alone, or {@code null}; guarded by {@link #leader}. */
    private @Nullable Thread aloneLeader;
    /** When the last transaction ended, in {@link System#nanoTime()}; guarded by {@link #leader}. */
    private long lastEnd = System.nanoTime() - TimeUnit.HOURS.toNanos(1);
    private final ConcurrentLinkedQueue<Pending<T, R>> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock leader = new ReentrantLock();

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
        this(together, alone, failsEveryone, maxBatch, null);
    }

    /**
     * Returns a group commit whose leader may linger before each transaction.
     *
     * @param together writes items in one transaction, returning their results in order
     * @param alone writes one item in its own transaction
     * @param failsEveryone tells a failure that would fail each item alone too
     * @param maxBatch the most items one transaction takes
     * @param linger how a leader waits for more callers before taking the queued items, or {@code null}
     *     not to wait
     */
    public GroupCommit(Function<List<T>, List<R>> together, Function<T, R> alone,
            Predicate<RuntimeException> failsEveryone, int maxBatch, @Nullable Linger linger) {
        this.together = Objects.requireNonNull(together, "together");
        this.alone = Objects.requireNonNull(alone, "alone");
        this.failsEveryone = Objects.requireNonNull(failsEveryone, "failsEveryone");
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be positive");
        }
        this.maxBatch = maxBatch;
        this.linger = linger;
    }

    /** How a leader waits for more callers before it takes the queued items. */
    @FunctionalInterface
    public interface Linger {

        /**
         * Waits, or not; returns early, without failing, when interrupted.
         *
         * @param idleNanos how long ago the previous transaction ended
         */
        void pause(long idleNanos);

        /**
         * Returns a linger that parks the leader for the duration while transactions follow each other
         * closely: when the previous one ended less than 2 ms before.
         *
         * @param duration how long to wait, positive
         * @return the linger
         */
        static Linger of(Duration duration) {
            long nanos = duration.toNanos();
            if (nanos <= 0) {
                throw new IllegalArgumentException("linger must be positive: " + duration);
            }
            return idleNanos -> {
                if (idleNanos < BUSY_NANOS) {
                    LockSupport.parkNanos(nanos);
                }
            };
        }
    }

    /**
     * Writes the item, alone or with the items queued at the same time, and waits for its result.
     *
     * @param item the item
     * @return the result of writing it
     */
    public R submit(T item) {
        Pending<T, R> mine = new Pending<>(item, Thread.currentThread());
        queue.add(mine);
        boolean interrupted = false;
        try {
            for (;;) {
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
                        handOver();
                    }
                    continue;
                }
                // A leader is writing. It wakes this caller when the item is done, or hands over to the
                // first queued caller when it unlocks: whoever fails to lock always has a leader to wake
                // it, since its item was queued before it tried. The item stays queued: a caller cannot
                // withdraw it once a leader may have taken it, so it waits for the outcome even when
                // interrupted and keeps the interrupt for later.
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Wakes the first queued caller, which leads the next transaction unless a newcomer already does. */
    private void handOver() {
        Pending<T, R> next = queue.peek();
        if (next != null) {
            LockSupport.unpark(next.waiter);
        }
    }

    /** Returns how many items wait for a transaction. */
    public int queued() {
        return queue.size();
    }

    private void lead() {
        Linger wait = linger;
        if (wait != null && aloneLeader != Thread.currentThread() && queue.size() < maxBatch) {
            wait.pause(System.nanoTime() - lastEnd);
        }
        List<Pending<T, R>> batch = new ArrayList<>();
        for (Pending<T, R> next; batch.size() < maxBatch && (next = queue.poll()) != null;) {
            batch.add(next);
        }
        aloneLeader = batch.size() == 1 ? Thread.currentThread() : null;
        try {
            run(batch);
        } catch (RuntimeException | Error e) {
            for (Pending<T, R> pending : batch) {
                pending.failIfOpen(e);
            }
            throw e;
        } finally {
            lastEnd = System.nanoTime();
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
        final Thread waiter;
        private volatile @Nullable R result;
        private volatile @Nullable RuntimeException failure;
        private volatile @Nullable Error error;

        Pending(T item, Thread waiter) {
            this.item = item;
            this.waiter = waiter;
        }

        boolean done() {
            return result != null || failure != null || error != null;
        }

        void complete(R value) {
            result = Objects.requireNonNull(value, "result");
            LockSupport.unpark(waiter);
        }

        void fail(RuntimeException e) {
            failure = e;
            LockSupport.unpark(waiter);
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
            LockSupport.unpark(waiter);
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
