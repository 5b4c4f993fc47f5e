package io.github.calendlywebhook.core.store;

import static io.github.calendlywebhook.test.EventFixtures.created;
import static io.github.calendlywebhook.test.EventFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.calendlywebhook.core.store.internal.GroupCommit;
import io.github.calendlywebhook.core.store.internal.JdbcTransactions;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private static final Instant AT = Instant.parse("2026-03-15T10:00:00Z");

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<List<String>> together = Collections.synchronizedList(new ArrayList<>());
    private final List<String> alone = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch firstStarted = new CountDownLatch(1);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);

    @AfterEach
    void stopThreads() {
        executor.shutdownNow();
    }

    private static StoredEvent event(String invitee) {
        return stored(created(invitee, "intro", AT));
    }

    private static String invitee(StoredEvent event) {
        return event.key().substring(event.key().lastIndexOf('/') + 1);
    }

    /** Appends alone by recording the event; the event "first" blocks until released. */
    private AppendResult recordAlone(StoredEvent event) {
        String name = invitee(event);
        alone.add(name);
        if (name.equals("first")) {
            firstStarted.countDown();
            await(releaseFirst);
        }
        if (name.startsWith("bad")) {
            throw new StoreUnavailableException("could not store the event (SQL state 23514, error 0)");
        }
        return name.startsWith("dup") ? AppendResult.DUPLICATE : AppendResult.STORED;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private GroupCommit<StoredEvent, AppendResult> groupCommit(
            Function<List<StoredEvent>, List<AppendResult>> combined) {
        return new GroupCommit<>(events -> {
            List<String> names = new ArrayList<>();
            events.forEach(event -> names.add(invitee(event)));
            together.add(names);
            return combined.apply(events);
        }, this::recordAlone, JdbcTransactions::unreachable, 64);
    }

    /**
     * Starts an append of "first", which holds the transaction, queues the other events behind it,
     * releases "first" and returns the futures of the queued ones.
     */
    private List<Future<AppendResult>> queueBehindFirst(GroupCommit<StoredEvent, AppendResult> commit,
            String... names) throws Exception {
        Future<AppendResult> first = executor.submit(() -> commit.submit(event("first")));
        firstStarted.await();
        List<Future<AppendResult>> queued = new ArrayList<>();
        for (String name : names) {
            queued.add(executor.submit(() -> commit.submit(event(name))));
        }
        while (commit.queued() < names.length) {
            Thread.onSpinWait();
        }
        releaseFirst.countDown();
        assertThat(first.get()).isEqualTo(AppendResult.STORED);
        return queued;
    }

    private static List<Object> outcomes(List<Future<AppendResult>> futures) throws InterruptedException {
        List<Object> outcomes = new ArrayList<>();
        for (Future<AppendResult> future : futures) {
            try {
                outcomes.add(future.get());
            } catch (ExecutionException e) {
                outcomes.add(e.getCause().getClass().getSimpleName());
            }
        }
        return outcomes;
    }

    @Test
    void appendsASingleCallerInATransactionOfItsOwn() {
        GroupCommit<StoredEvent, AppendResult> commit = groupCommit(events -> {
            throw new AssertionError("no combined transaction expected");
        });

        AppendResult result = commit.submit(event("solo"));

        assertThat(result).isEqualTo(AppendResult.STORED);
        assertThat(alone).containsExactly("solo");
        assertThat(together).isEmpty();
    }

    @Test
    void commitsEventsQueuedDuringATransactionTogetherWithEachCallersOwnResult() throws Exception {
        GroupCommit<StoredEvent, AppendResult> commit = groupCommit(events -> {
            List<AppendResult> results = new ArrayList<>();
            events.forEach(event -> results.add(invitee(event).startsWith("dup") ? AppendResult.DUPLICATE
                    : AppendResult.STORED));
            return results;
        });

        List<Future<AppendResult>> queued = queueBehindFirst(commit, "a", "dup-b", "c");

        assertThat(outcomes(queued)).containsExactly(AppendResult.STORED, AppendResult.DUPLICATE, AppendResult.STORED);
        assertThat(together).hasSize(1);
        assertThat(together.get(0)).containsExactlyInAnyOrder("a", "dup-b", "c");
        assertThat(alone).containsExactly("first");
    }

    @Test
    void appendsEachEventAloneWhenTheCombinedTransactionFailsSoOneBadEventFailsOnlyItself() throws Exception {
        GroupCommit<StoredEvent, AppendResult> commit = groupCommit(events -> {
            throw new StoreUnavailableException("could not store the events (SQL state 23514, error 0)");
        });

        List<Future<AppendResult>> queued = queueBehindFirst(commit, "a", "bad-b", "dup-c");

        assertThat(outcomes(queued)).containsExactly(AppendResult.STORED, "StoreUnavailableException",
                AppendResult.DUPLICATE);
        assertThat(alone).containsExactlyInAnyOrder("first", "a", "bad-b", "dup-c");
    }

    @Test
    void failsEveryQueuedEventAtOnceWhenTheDatabaseCannotBeReached() throws Exception {
        SQLException noConnection = new SQLTransientConnectionException("pool timed out", "08001");
        GroupCommit<StoredEvent, AppendResult> commit = groupCommit(events -> {
            throw new StoreUnavailableException("could not store the events", noConnection);
        });

        List<Future<AppendResult>> queued = queueBehindFirst(commit, "a", "b");

        assertThat(outcomes(queued)).containsExactly("StoreUnavailableException", "StoreUnavailableException");
        assertThat(alone).containsExactly("first");
    }

    @Test
    void givesEveryQueuedCallerTheErrorWhenTheLeaderFailsUnexpectedly() throws Exception {
        GroupCommit<StoredEvent, AppendResult> commit = groupCommit(events -> List.of(AppendResult.STORED));

        List<Future<AppendResult>> queued = queueBehindFirst(commit, "a", "b");

        assertThat(outcomes(queued)).containsExactly("IllegalStateException", "IllegalStateException");
    }

    @Test
    void answersEveryCallerOfAConcurrentFloodExactlyOnce() throws Exception {
        GroupCommit<StoredEvent, AppendResult> commit = new GroupCommit<>(
                events -> Collections.nCopies(events.size(), AppendResult.STORED), event -> AppendResult.STORED,
                JdbcTransactions::unreachable, 8);
        List<CompletableFuture<AppendResult>> futures = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            StoredEvent next = event("flood-" + i);
            futures.add(CompletableFuture.supplyAsync(() -> commit.submit(next), executor));
        }

        CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).join();

        assertThat(futures).allMatch(future -> future.join() == AppendResult.STORED);
        assertThat(commit.queued()).isZero();
    }

    @Test
    void rejectsABatchLimitBelowOne() {
        assertThatThrownBy(() -> new GroupCommit<StoredEvent, AppendResult>(events -> List.of(),
                event -> AppendResult.STORED, JdbcTransactions::unreachable, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lingersUnlessItsOwnThreadLedAloneBeforeAndTakesThoseWhoArriveMeanwhile() throws Exception {
        AtomicInteger pauses = new AtomicInteger();
        List<String> latecomers = Collections.synchronizedList(new ArrayList<>());
        List<Future<AppendResult>> late = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<GroupCommit<StoredEvent, AppendResult>> self = new AtomicReference<>();
        GroupCommit.Linger linger = idleNanos -> {
            pauses.incrementAndGet();
            GroupCommit<StoredEvent, AppendResult> commit = self.get();
            for (String name : latecomers) {
                late.add(executor.submit(() -> commit.submit(event(name))));
            }
            while (commit.queued() < 1 + latecomers.size()) {
                Thread.onSpinWait();
            }
            latecomers.clear();
        };
        GroupCommit<StoredEvent, AppendResult> commit = new GroupCommit<>(events -> {
            List<String> names = new ArrayList<>();
            events.forEach(event -> names.add(invitee(event)));
            together.add(names);
            return Collections.nCopies(events.size(), AppendResult.STORED);
        }, this::recordAlone, JdbcTransactions::unreachable, 64, linger);
        self.set(commit);

        // The first leader lingers; whoever queues meanwhile joins its transaction after it (the two
        // latecomers in whichever order they queued).
        latecomers.addAll(List.of("a2", "a3"));
        assertThat(commit.submit(event("a1"))).isEqualTo(AppendResult.STORED);
        assertThat(outcomes(late)).containsExactly(AppendResult.STORED, AppendResult.STORED);
        assertThat(together).singleElement().satisfies(names -> assertThat(names).startsWith("a1")
                .containsExactlyInAnyOrder("a1", "a2", "a3"));
        assertThat(pauses).hasValue(1);

        // A linger that gathers no one: the same thread, appending again, does not wait for itself.
        assertThat(commit.submit(event("b"))).isEqualTo(AppendResult.STORED);
        assertThat(commit.submit(event("c"))).isEqualTo(AppendResult.STORED);
        assertThat(commit.submit(event("d"))).isEqualTo(AppendResult.STORED);
        assertThat(pauses).hasValue(2);

        // Another thread leading next lingers again.
        assertThat(executor.submit(() -> commit.submit(event("e"))).get()).isEqualTo(AppendResult.STORED);
        assertThat(pauses).hasValue(3);
        assertThat(alone).containsExactly("b", "c", "d", "e");
    }

    @Test
    void doesNotWaitWhenThePreviousTransactionEndedLongBefore() {
        GroupCommit.Linger hour = GroupCommit.Linger.of(Duration.ofHours(1));

        // An hour's wait would time out; an idle store returns at once.
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> hour.pause(Duration.ofSeconds(1).toNanos()));
    }

    @Test
    void rejectsALingerThatIsNotPositive() {
        assertThatThrownBy(() -> GroupCommit.Linger.of(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GroupCommit.Linger.of(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
