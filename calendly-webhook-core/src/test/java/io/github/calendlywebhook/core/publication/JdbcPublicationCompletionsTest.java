package io.github.calendlywebhook.core.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.event.CalendlyEventParser;
import io.github.calendlywebhook.core.store.AppendResult;
import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.JdbcSchema;
import io.github.calendlywebhook.core.store.ProjectingEventStore;
import io.github.calendlywebhook.core.store.StoreUnavailableException;
import io.github.calendlywebhook.core.store.StoredEvent;
import io.github.calendlywebhook.test.Eventually;
import io.github.calendlywebhook.test.SignedPayloads;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Completions held by {@link JdbcPublicationRegistry#completeSoon}: deleted by the next append
 * transaction, by the writer thread when none comes, held again when that transaction rolls back, and
 * written before any read and at close; a read waits for the transactions that are deleting them. Each
 * test runs on a fresh database of the subclass.
 */
abstract class JdbcPublicationCompletionsTest {

    private static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");
    private static final Duration NEVER = Duration.ofHours(1);

    private final CalendlyEventParser parser = CalendlyEventParser.create();
    private final AtomicInteger commits = new AtomicInteger();
    private final AtomicBoolean failNextCommit = new AtomicBoolean();
    private final AtomicReference<CommitGate> nextCommit = new AtomicReference<>();
    private JdbcConnectionPool pool;
    private DataSource dataSource;

    /** Returns a new, empty database. */
    protected abstract JdbcConnectionPool newDatabase();

    /** Disposes of a database of {@link #newDatabase()}. */
    protected abstract void dispose(JdbcConnectionPool database) throws SQLException;

    @BeforeEach
    void createTables() {
        pool = newDatabase();
        dataSource = countingCommits(pool);
        JdbcSchema.create(pool);
    }

    @AfterEach
    void close() throws SQLException {
        dispose(pool);
    }

    @Test
    void heldCompletionsAreDeletedByTheNextAppendWithoutACommitOfTheirOwn() throws Exception {
        JdbcPublicationRegistry registry = JdbcPublicationRegistry.create(dataSource, NEVER);
        EventStore store = storeOf(registry);
        List<PublicationClaim> stored = append(store, 3);
        PublicationClaim takenOver = new PublicationClaim(stored.get(2).id(), PublicationClaim.FIRST + 1);
        int commitsBefore = commits.get();

        assertThat(registry.completeSoon(stored.get(0))).isTrue();
        assertThat(registry.completeSoon(stored.get(1))).isTrue();
        assertThat(registry.completeSoon(takenOver)).isTrue();
        assertThat(rows()).hasSize(3);
        PublicationClaim next = append(store, 1).get(0);

        assertThat(commits.get() - commitsBefore).isEqualTo(1);
        assertThat(rows()).containsExactlyInAnyOrder(stored.get(2).id().toString(), next.id().toString());
    }

    @Test
    void theWriterThreadDeletesHeldCompletionsWhenNoAppendComes() throws Exception {
        JdbcPublicationRegistry registry = JdbcPublicationRegistry.create(dataSource, Duration.ofMillis(10));
        List<PublicationClaim> stored = append(storeOf(registry), 2);

        registry.completeSoon(stored.get(0));
        registry.completeSoon(stored.get(1));

        Eventually.until("the held completions are written", Duration.ofSeconds(10), () -> rows().isEmpty());
    }

    @Test
    void anAppendThatRollsBackHoldsItsCompletionsAgainForTheNextWrite() throws Exception {
        JdbcPublicationRegistry registry = JdbcPublicationRegistry.create(dataSource, NEVER);
        EventStore store = storeOf(registry);
        List<PublicationClaim> stored = append(store, 2);
        registry.completeSoon(stored.get(0));

        failNextCommit.set(true);
        assertThatThrownBy(() -> append(store, 1)).isInstanceOf(StoreUnavailableException.class);
        assertThat(rowsWithoutWriting()).containsExactlyInAnyOrder(stored.get(0).id().toString(),
                stored.get(1).id().toString());
        PublicationClaim next = append(store, 1).get(0);

        assertThat(rows()).containsExactlyInAnyOrder(stored.get(1).id().toString(), next.id().toString());
    }

    @Test
    void readsWriteHeldCompletionsFirstSoTheyNeverShowThemOutstanding() {
        JdbcPublicationRegistry registry = JdbcPublicationRegistry.create(dataSource, NEVER);
        List<PublicationClaim> stored = append(storeOf(registry), 2);

        registry.completeSoon(stored.get(0));

        assertThat(registry.counts()).isEqualTo(new PublicationCounts(1, 0, 0));
        registry.completeSoon(stored.get(1));
        assertThat(registry.list(PublicationStatus.PENDING, 0, 10).items()).isEmpty();
    }

    @Test
    void aReadWaitsForTheCompletionsTheWriterThreadIsCommitting() throws Exception {
        JdbcPublicationRegistry registry = JdbcPublicationRegistry.create(dataSource, Duration.ofMillis(10));
        PublicationClaim stored = append(storeOf(registry), 1).get(0);
        CommitGate commit = holdNextCommit(false);

        registry.completeSoon(stored);
        commit.awaitReached();

        assertThat(readWhileHeld(commit, registry::counts)).isEqualTo(PublicationCounts.NONE);
    }

    @Test
    void aReadWaitsForTheCompletionsAnAppendIsCommitting() throws Exception {
        JdbcPublicationRegistry registry = JdbcPublicationRegistry.create(dataSource, NEVER);
        EventStore store = storeOf(registry);
        PublicationClaim first = append(store, 1).get(0);
        registry.completeSoon(first);
        CommitGate commit = holdNextCommit(false);
        FutureTask<List<PublicationClaim>> appending = start(() -> append(store, 1));
        commit.awaitReached();

        List<Publication> pending = readWhileHeld(commit,
                () -> registry.list(PublicationStatus.PENDING, 0, 10).items());

        PublicationClaim next = appending.get(10, TimeUnit.SECONDS).get(0);
        assertThat(pending).extracting(Publication::id).containsExactly(next.id());
    }

    @Test
    void aReadWritesAgainTheCompletionsOfAnAppendThatRollsBackWhileItWaits() throws Exception {
        JdbcPublicationRegistry registry = JdbcPublicationRegistry.create(dataSource, NEVER);
        EventStore store = storeOf(registry);
        List<PublicationClaim> stored = append(store, 2);
        registry.completeSoon(stored.get(0));
        CommitGate commit = holdNextCommit(true);
        FutureTask<List<PublicationClaim>> appending = start(() -> append(store, 1));
        commit.awaitReached();

        List<Publication> pending = readWhileHeld(commit,
                () -> registry.list(PublicationStatus.PENDING, 0, 10).items());

        assertThatThrownBy(() -> appending.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(StoreUnavailableException.class);
        assertThat(pending).extracting(Publication::id).containsExactly(stored.get(1).id());
        assertThat(rowsWithoutWriting()).containsExactly(stored.get(1).id().toString());
    }

    @Test
    void closingWritesHeldCompletionsAndCompletesLaterOnesAtOnce() throws Exception {
        JdbcPublicationRegistry registry = JdbcPublicationRegistry.create(dataSource, NEVER);
        List<PublicationClaim> stored = append(storeOf(registry), 2);
        registry.completeSoon(stored.get(0));

        registry.flushCompletions();
        assertThat(rowsWithoutWriting()).containsExactly(stored.get(1).id().toString());

        assertThat(registry.completeSoon(stored.get(1))).isTrue();
        assertThat(registry.completeSoon(stored.get(1))).isFalse();
        assertThat(rowsWithoutWriting()).isEmpty();
    }

    /** Makes the next commit wait until the test opens it, and then fail if asked to. */
    private CommitGate holdNextCommit(boolean fail) {
        CommitGate gate = new CommitGate(fail);
        nextCommit.set(gate);
        return gate;
    }

    private static <T> FutureTask<T> start(Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        new Thread(task, "test-append").start();
        return task;
    }

    /**
     * Reads on a thread of its own while the commit is held, and lets the commit go on once the read
     * waits or has returned; a read that does not wait returns what the table held before that commit.
     */
    private static <T> T readWhileHeld(CommitGate commit, Callable<T> read) throws Exception {
        FutureTask<T> task = new FutureTask<>(read);
        Thread reader = new Thread(task, "test-read");
        reader.start();
        Eventually.until("the read waits or returns", Duration.ofSeconds(10),
                () -> task.isDone() || reader.getState() == Thread.State.WAITING);
        commit.open.countDown();
        return task.get(10, TimeUnit.SECONDS);
    }

    private EventStore storeOf(JdbcPublicationRegistry registry) {
        NewPublications publications = new NewPublications(List.of("crm"), "node-1", NOW, NOW.plusSeconds(30));
        return ProjectingEventStore.jdbc(dataSource, ZoneOffset.UTC, registry.storeParticipant(() -> publications));
    }

    /** Stores that many new events with one publication each; returns their claims. */
    private List<PublicationClaim> append(EventStore store, int count) {
        List<PublicationClaim> claims = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] body = SignedPayloads.inviteeCreated();
            StoredEvent event = StoredEvent.of(parser.parse(body), body, NOW, EventSource.WEBHOOK);
            assertThat(store.append(event)).isEqualTo(AppendResult.STORED);
            claims.add(new PublicationClaim(Publication.id(event.key(), "crm"), PublicationClaim.FIRST));
        }
        return claims;
    }

    /** The ids in the table, read beside the registry, so without writing what it holds. */
    private List<String> rowsWithoutWriting() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id FROM calendly_publication")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private List<String> rows() {
        try {
            return rowsWithoutWriting();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The data source, counting commits; the next commit fails when the test asks for it. */
    private DataSource countingCommits(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, target, args);
                    return method.getName().equals("getConnection") ? counting((Connection) result) : result;
                });
    }

    private Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("commit")) {
                        CommitGate gate = nextCommit.getAndSet(null);
                        if (gate != null && gate.pass()) {
                            throw new SQLException("the disk is full", "HY000");
                        }
                        if (failNextCommit.getAndSet(false)) {
                            throw new SQLException("the disk is full", "HY000");
                        }
                        commits.incrementAndGet();
                    }
                    return invoke(method, connection, args);
                });
    }

    /** A commit held until the test opens it. */
    private static final class CommitGate {
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch open = new CountDownLatch(1);
        final boolean fail;

        CommitGate(boolean fail) {
            this.fail = fail;
        }

        /** Waits, on the committing thread, until the test opens the gate; returns whether to fail. */
        boolean pass() throws InterruptedException {
            reached.countDown();
            if (!open.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the commit");
            }
            return fail;
        }

        void awaitReached() throws InterruptedException {
            assertThat(reached.await(10, TimeUnit.SECONDS)).as("the commit is reached").isTrue();
        }
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
