package io.github.calendlywebhook.core.publication;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.event.CalendlyEventListener;
import io.github.calendlywebhook.core.event.CalendlyEventParser;
import io.github.calendlywebhook.core.event.ListenerContext;
import io.github.calendlywebhook.core.store.AppendResult;
import io.github.calendlywebhook.core.store.JdbcSchema;
import io.github.calendlywebhook.core.store.ProjectingEventStore;
import io.github.calendlywebhook.core.store.StoredEvent;
import io.github.calendlywebhook.test.MutableClock;
import io.github.calendlywebhook.test.SignedPayloads;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances (each its own registry, store and dispatcher) share one database: 1,000 events
 * delivered to both at once, two flaky listeners each. Every publication must end complete, with
 * exactly one successful call per (event, listener) and never two calls of one at once.
 */
abstract class TwoInstancesTest {

    private static final int EVENTS = 1_000;
    private static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");
    private final ExecutorService threads = Executors.newFixedThreadPool(6);
    private final MutableClock clock = MutableClock.at(NOW);
    private final CalendlyEventParser parser = CalendlyEventParser.create();
    private final Map<String, AtomicInteger> successes = new ConcurrentHashMap<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong overlaps = new AtomicLong();
    private DataSource database;

    /** Returns a new, empty database; the subclass disposes of it after the test. */
    protected abstract DataSource newDatabase();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /** A listener that throws on about a third of its first four attempts, by a rule fixed per call. */
    private CalendlyEventListener flaky() {
        return new CalendlyEventListener() {
            @Override
            public void onEvent(CalendlyEvent event, ListenerContext context) {
                String call = context.eventId() + "|" + context.listenerId();
                if (!running.add(call)) {
                    overlaps.incrementAndGet();
                }
                try {
                    if (context.attempt() < 5 && Math.floorMod((call + context.attempt()).hashCode(), 3) == 0) {
                        failures.incrementAndGet();
                        throw new IllegalStateException("flaky CRM");
                    }
                    successes.computeIfAbsent(call, key -> new AtomicInteger()).incrementAndGet();
                } finally {
                    running.remove(call);
                }
            }
        };
    }

    private ListenerDispatcher instance(String name) {
        ListenerSettings settings = ListenerSettings.builder().firstRetry(Duration.ofSeconds(1))
                .maxRetryDelay(Duration.ofSeconds(8)).lease(Duration.ofMinutes(1)).batchSize(50).instanceId(name).build();
        return ListenerDispatcher.builder(JdbcPublicationRegistry.create(database), settings).clock(clock)
                .listener("crm", flaky()).listener("mail", flaky()).build();
    }

    @Test
    void eachPublicationSucceedsExactlyOnceWhenTwoInstancesShareTheDatabase() {
        database = newDatabase();
        JdbcSchema.create(database);
        List<ListenerDispatcher> instances = List.of(instance("a"), instance("b"));
        List<ProjectingEventStore> stores = instances.stream()
                .map(d -> d.jdbcEventStore(database)).toList();
        AtomicBoolean delivering = new AtomicBoolean(true);

        List<CompletableFuture<Void>> deliveries = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int slot = t;
            deliveries.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < EVENTS / 4; i++) {
                    byte[] body = SignedPayloads.inviteeCreated();
                    StoredEvent event = StoredEvent.of(parser.parse(body), body, clock.instant(), EventSource.WEBHOOK);
                    if (stores.get(slot % 2).append(event) == AppendResult.STORED) {
                        instances.get(slot % 2).published(event.event());
                    }
                }
            }, threads));
        }
        List<CompletableFuture<Void>> pollers = instances.stream().map(d -> CompletableFuture.runAsync(() -> {
            while (delivering.get()) {
                d.runDue();
            }
        }, threads)).toList();
        deliveries.forEach(CompletableFuture::join);
        delivering.set(false);
        pollers.forEach(CompletableFuture::join);

        for (int round = 0; round < 50 && instances.get(0).counts().incomplete() > 0; round++) {
            clock.advance(Duration.ofSeconds(10));
            instances.stream().map(d -> CompletableFuture.runAsync(() -> {
                while (d.runDue() > 0) {
                    Thread.onSpinWait();
                }
            }, threads)).toList().forEach(CompletableFuture::join);
        }

        assertThat(instances.get(0).counts()).isEqualTo(PublicationCounts.NONE);
        assertThat(successes).hasSize(2 * EVENTS);
        assertThat(successes.values()).extracting(AtomicInteger::get).containsOnly(1);
        assertThat(overlaps).hasValue(0);
        assertThat(failures.get()).isPositive();
        long calls = instances.stream().mapToLong(d -> d.stats().attempts()).sum();
        assertThat(calls).isEqualTo(2L * EVENTS + failures.get());
    }
}
