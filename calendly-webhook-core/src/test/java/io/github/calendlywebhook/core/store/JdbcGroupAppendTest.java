package io.github.calendlywebhook.core.store;

import io.github.calendlywebhook.core.publication.PublicationRegistry;
import io.github.calendlywebhook.core.store.internal.GroupCommit;
import io.github.calendlywebhook.core.store.internal.JdbcAppendParticipant;
import static io.github.calendlywebhook.test.EventFixtures.canceled;
import static io.github.calendlywebhook.test.EventFixtures.created;
import static io.github.calendlywebhook.test.EventFixtures.noShowCreated;
import static io.github.calendlywebhook.test.EventFixtures.noShowDeleted;
import static io.github.calendlywebhook.test.EventFixtures.paidCreated;
import static io.github.calendlywebhook.test.EventFixtures.rescheduledCancel;
import static io.github.calendlywebhook.test.EventFixtures.rescheduledCreate;
import static io.github.calendlywebhook.test.EventFixtures.routingFormSubmission;
import static io.github.calendlywebhook.test.EventFixtures.stored;
import static io.github.calendlywebhook.test.EventFixtures.testCreated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.publication.ListenerDispatcher;
import io.github.calendlywebhook.core.publication.ListenerSettings;
import io.github.calendlywebhook.core.store.internal.JdbcTransactions;
import io.github.calendlywebhook.test.RecordingListener;
import io.github.calendlywebhook.test.ShuffledLoad;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The JDBC store's combined appends against a real database: a batch written in one transaction ends
 * exactly where one transaction per event ends, and many threads appending overlapping duplicates get
 * one {@code STORED} per distinct event, the rest {@code DUPLICATE}, and the exact numbers.
 */
abstract class JdbcGroupAppendTest {

    private static final Instant T = Instant.parse("2026-03-10T09:00:00Z");
    private static final DateRange RANGE = new DateRange(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 31));

    private final ExecutorService executor = Executors.newFixedThreadPool(16);

    /** Returns a new empty database with the store's tables. */
    protected abstract DataSource newDatabase();

    @AfterEach
    void stopThreads() {
        executor.shutdownNow();
    }

    private static Instant at(int minutes) {
        return T.plusSeconds(60L * minutes);
    }

    /** Events that touch the same rows several times, in an order that exercises every state path. */
    private static List<StoredEvent> tangledEvents() {
        List<CalendlyEvent> events = List.of(
                created("a", "intro", at(1)), created("a", "intro", at(1)), canceled("a", "intro", at(2)),
                canceled("b", "intro", at(3)), created("b", "intro", at(1)),
                created("stored-before", "audit", at(4)),
                rescheduledCancel("c", "d", "strategy", at(5)), rescheduledCreate("d", "c", "strategy", at(5)),
                created("c", "strategy", at(4)),
                paidCreated("e", "audit", at(6), "120.50", true), paidCreated("f", "audit", at(6), "80", false),
                testCreated("g", "intro", at(7)), created("h", "intro", T.minusSeconds(86_400 * 3)),
                noShowDeleted("n2", "h", "intro", at(8)), noShowCreated("n1", "h", "intro", at(8)),
                noShowCreated("n2", "h", "intro", at(9)), noShowCreated("n1", "h", "intro", at(8)),
                noShowDeleted("n1", "h", "intro", at(10)),
                routingFormSubmission("lead-1", at(11)), routingFormSubmission("lead-1", at(11)),
                canceled("e", "audit", at(12)));
        List<StoredEvent> stored = events.stream().map(event -> stored(event)).collect(Collectors.toList());
        stored.add(3, storedBefore());
        stored.add(storedBefore());
        return stored;
    }

    private static StoredEvent storedBefore() {
        return stored(canceled("stored-before", "audit", at(0)));
    }

    @Test
    void endsWhereOneTransactionPerEventEndsWhenTangledEventsShareOneTransaction() {
        assertThat(batchEndsWhereOneTransactionPerEventEnds(true)).as("the read found the stored event").isTrue();
    }

    @Test
    void endsWhereOneTransactionPerEventEndsWithoutReadingTheStoredKeysFirst() {
        assertThat(batchEndsWhereOneTransactionPerEventEnds(false))
                .as("on H2, the unique violation says an event was stored already").isTrue();
    }

    /**
     * Appends the tangled events in one batch and one by one on two databases that hold the same event
     * already, and checks both end the same; returns whether the batch found the stored event (always
     * true on PostgreSQL, whose insert skips it without a sign).
     */
    private boolean batchEndsWhereOneTransactionPerEventEnds(boolean readStoredKeys) {
        DataSource together = newDatabase();
        DataSource oneByOne = newDatabase();
        JdbcEventStore combined = JdbcEventStore.create(together);
        JdbcEventStore reference = JdbcEventStore.create(oneByOne);
        combined.append(storedBefore());
        reference.append(storedBefore());
        List<StoredEvent> events = tangledEvents();

        List<Boolean> found = new ArrayList<>();
        List<AppendResult> batchResults = new JdbcTransactions(together).inTransaction("test", connection -> {
            JdbcAppendBatch batch = new JdbcAppendBatch(Dialect.of(connection), new Projection(ZoneOffset.UTC), null,
                    readStoredKeys);
            List<AppendResult> results = batch.run(connection, events);
            found.add(batch.foundStored() || Dialect.of(connection) != Dialect.H2);
            return results;
        });
        List<AppendResult> singleResults = new ArrayList<>();
        events.forEach(event -> singleResults.add(reference.append(event)));

        assertThat(batchResults).isEqualTo(singleResults).contains(AppendResult.DUPLICATE);
        assertSameNumbers(combined, reference);
        assertSameRows(together, oneByOne);
        return found.get(found.size() - 1);
    }

    @Test
    void readsTheStoredKeysFirstOnlyWhileRedeliveriesReachTheDatabase() throws SQLException {
        DataSource database = newDatabase();
        JdbcEventStore store = JdbcEventStore.create(database, ZoneOffset.UTC, 1);
        StoredEvent first = stored(created("first", "intro", at(0)));
        store.append(first);
        for (int i = 0; i < JdbcEventStore.STORED_KEY_READS; i++) {
            store.append(stored(created("new-" + i, "intro", at(1))));
        }
        int afterNewEvents = store.storedKeyReads();

        AppendResult redelivery = store.append(first);

        assertThat(afterNewEvents).isZero();
        assertThat(redelivery).isEqualTo(AppendResult.DUPLICATE);
        assertThat(store.totals(false).values().stream().mapToLong(Counters::newBookings).sum())
                .isEqualTo(JdbcEventStore.STORED_KEY_READS + 1);
        try (Connection connection = database.getConnection()) {
            // PostgreSQL's insert skips a stored key without a violation, and never reads the keys first.
            assertThat(store.storedKeyReads()).isEqualTo(Dialect.of(connection) == Dialect.H2
                    ? JdbcEventStore.STORED_KEY_READS : 0);
        }
    }

    @Test
    void storesEachOfManyConcurrentOverlappingDeliveriesExactlyOnce() throws Exception {
        ShuffledLoad load = new ShuffledLoad(11, 3_000);
        DataSource database = newDatabase();
        JdbcEventStore store = JdbcEventStore.create(database);
        JdbcEventStore reference = JdbcEventStore.create(newDatabase());
        load.uniqueEvents().forEach(event -> reference.append(stored(event)));

        List<CompletableFuture<AppendResult>> results = new ArrayList<>();
        for (StoredEvent delivery : load.deliveries()) {
            results.add(CompletableFuture.supplyAsync(() -> store.append(delivery), executor));
        }

        Map<String, Long> storedPerKey = new HashMap<>();
        Map<String, Long> deliveriesPerKey = new HashMap<>();
        for (int i = 0; i < results.size(); i++) {
            String key = load.deliveries().get(i).key();
            deliveriesPerKey.merge(key, 1L, Long::sum);
            storedPerKey.merge(key, results.get(i).join() == AppendResult.STORED ? 1L : 0L, Long::sum);
        }
        assertThat(deliveriesPerKey).hasSize(load.uniqueEvents().size());
        assertThat(storedPerKey.values()).containsOnly(1L);
        assertThat(count(database, "SELECT COUNT(*) FROM calendly_event")).isEqualTo(load.uniqueEvents().size());
        assertSameNumbers(store, reference);
    }

    @Test
    void failsOnlyTheEventsTheDatabaseRefusesWhileOthersCommitAroundThem() throws Exception {
        DataSource database = newDatabase();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE calendly_event ADD CONSTRAINT refuse_poison CHECK (event_key NOT LIKE '%poison%')");
        }
        JdbcEventStore store = JdbcEventStore.create(database);
        JdbcEventStore reference = JdbcEventStore.create(newDatabase());
        List<StoredEvent> deliveries = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            StoredEvent good = stored(created("good-" + i, i % 2 == 0 ? "intro" : "audit", at(i % 50)));
            deliveries.add(good);
            deliveries.add(good);
            reference.append(good);
            if (i % 10 == 0) {
                deliveries.add(stored(created("poison-" + i, "intro", at(i % 50))));
            }
        }

        List<CompletableFuture<AppendResult>> results = new ArrayList<>();
        for (StoredEvent delivery : deliveries) {
            results.add(CompletableFuture.supplyAsync(() -> store.append(delivery), executor));
        }

        Map<String, List<String>> outcomes = new HashMap<>();
        for (int i = 0; i < results.size(); i++) {
            String outcome = results.get(i).handle((result, failure) -> failure == null ? result.name()
                    : failure.getCause().getClass().getSimpleName()).join();
            outcomes.computeIfAbsent(deliveries.get(i).key(), key -> new ArrayList<>()).add(outcome);
        }
        outcomes.forEach((key, list) -> {
            if (key.contains("poison")) {
                assertThat(list).containsExactly("StoreUnavailableException");
            } else {
                assertThat(list).containsExactlyInAnyOrder("STORED", "DUPLICATE");
            }
        });
        assertThat(outcomes).hasSize(660);
        assertThat(count(database, "SELECT COUNT(*) FROM calendly_event")).isEqualTo(600);
        assertSameNumbers(store, reference);
    }

    @Test
    void writesPublicationsInTheCombinedTransactionAndAgainInEachRetryAloneWhenOneEventsPublicationsAreRefused()
            throws Exception {
        DataSource database = newDatabase();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE calendly_publication ADD CONSTRAINT refuse_bad CHECK (event_key NOT LIKE '%/bad')");
        }
        JdbcAppendParticipant publications = ListenerDispatcher.builder(PublicationRegistry.jdbc(database),
                ListenerSettings.ofDefaults()).listener("crm", RecordingListener.succeeding())
                .listener("mail", RecordingListener.succeeding()).build().storeParticipant();
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        CountDownLatch firstEntered = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        JdbcEventStore store = JdbcEventStore.create(database, ZoneOffset.UTC, (connection, events) -> {
            batchSizes.add(events.size());
            if (batchSizes.size() == 1) {
                firstEntered.countDown();
                await(releaseFirst);
            }
            publications.stored(connection, events);
        });
        List<String> names = List.of("first", "p1", "p2", "p3", "p4", "bad", "p5", "p6", "p7", "p8");

        List<CompletableFuture<AppendResult>> results = new ArrayList<>();
        results.add(CompletableFuture.supplyAsync(() -> store.append(stored(created(names.get(0), "intro", at(1)))),
                executor));
        await(firstEntered);
        for (String name : names.subList(1, names.size())) {
            results.add(CompletableFuture.supplyAsync(() -> store.append(stored(created(name, "intro", at(1)))), executor));
        }
        GroupCommit<?, ?> queue = queueOf(store);
        while (queue.queued() < names.size() - 1) {
            Thread.onSpinWait();
        }
        releaseFirst.countDown();

        for (int i = 0; i < names.size(); i++) {
            CompletableFuture<AppendResult> result = results.get(i);
            if (names.get(i).equals("bad")) {
                assertThatThrownBy(result::join).hasCauseInstanceOf(StoreUnavailableException.class);
            } else {
                assertThat(result.join()).isEqualTo(AppendResult.STORED);
            }
        }
        assertThat(batchSizes).containsExactly(1, 9, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        assertThat(count(database, "SELECT COUNT(*) FROM calendly_event")).isEqualTo(9);
        assertThat(count(database, "SELECT COUNT(*) FROM calendly_publication")).isEqualTo(18);
        assertThat(count(database, "SELECT COUNT(*) FROM calendly_publication WHERE event_key LIKE '%/bad'")).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static GroupCommit<?, ?> queueOf(JdbcEventStore store) throws ReflectiveOperationException {
        java.lang.reflect.Field field = JdbcEventStore.class.getDeclaredField("groupCommit");
        field.setAccessible(true);
        return (GroupCommit<?, ?>) field.get(store);
    }

    private static void assertSameNumbers(JdbcEventStore actual, JdbcEventStore expected) {
        assertThat(actual.totals(true)).isEqualTo(expected.totals(true)).isNotEmpty();
        assertThat(actual.totals(false)).isEqualTo(expected.totals(false));
        assertThat(actual.daily(RANGE, true)).containsExactlyInAnyOrderElementsOf(expected.daily(RANGE, true));
        assertThat(actual.eventTypeNames()).isEqualTo(expected.eventTypeNames());
        assertThat(actual.recentBookings(10_000, true)).isEqualTo(expected.recentBookings(10_000, true));
    }

    /** Checks that the two databases hold the same events and the same state rows, column by column. */
    private static void assertSameRows(DataSource actual, DataSource expected) {
        for (String sql : List.of("SELECT event_key, event_name, source, body FROM calendly_event ORDER BY event_key",
                "SELECT uri, created, canceled, rescheduled, no_show, booking_day, event_type, event_type_name,"
                        + " paid_amount, test, name, email, start_time, booked_at FROM calendly_invitee ORDER BY uri",
                "SELECT uri, invitee_uri, created, deleted, bucket_day, event_type, test FROM calendly_no_show"
                        + " ORDER BY uri")) {
            assertThat(rows(actual, sql)).as(sql).isNotEmpty().isEqualTo(rows(expected, sql));
        }
    }

    private static List<List<Object>> rows(DataSource database, String sql) {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<List<Object>> all = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    Object value = rows.getObject(i);
                    row.add(value instanceof byte[] bytes ? Arrays.toString(bytes) : String.valueOf(value));
                }
                all.add(row);
            }
            return all;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static long count(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
