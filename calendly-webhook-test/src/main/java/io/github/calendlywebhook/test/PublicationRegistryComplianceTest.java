package io.github.calendlywebhook.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.event.CalendlyEventListener;
import io.github.calendlywebhook.core.event.CalendlyEventParser;
import io.github.calendlywebhook.core.publication.ListenerDispatcher;
import io.github.calendlywebhook.core.publication.ListenerMode;
import io.github.calendlywebhook.core.publication.ListenerSettings;
import io.github.calendlywebhook.core.publication.Publication;
import io.github.calendlywebhook.core.publication.PublicationCounts;
import io.github.calendlywebhook.core.publication.PublicationPage;
import io.github.calendlywebhook.core.publication.PublicationRegistry;
import io.github.calendlywebhook.core.publication.PublicationStatus;
import io.github.calendlywebhook.core.store.AppendResult;
import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.StoredEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link PublicationRegistry} must have, driven through a {@link ListenerDispatcher}
 * and the event store that writes its publications, with a manual clock and explicit steps (no
 * sleeping). Subclasses supply a registry on a fresh database, the store paired with a dispatcher, and
 * a second registry on the same database (another instance, or the same one after a restart).
 */
public abstract class PublicationRegistryComplianceTest {

    /** The start of every scenario. */
    protected static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");
    private static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    private static final Duration LEASE = Duration.ofSeconds(30);

    /** The clock every dispatcher of a test reads. */
    protected final MutableClock clock = MutableClock.at(NOW);
    private final CalendlyEventParser parser = CalendlyEventParser.create();
    private final ListenerSettings settings = ListenerSettings.builder().firstRetry(FIRST_RETRY)
            .maxRetryDelay(Duration.ofMinutes(5)).maxAttempts(4).lease(LEASE).instanceId("node-1").build();

    /** Returns a registry on a new, empty database. */
    protected abstract PublicationRegistry newRegistry();

    /** Returns the event store, on the database of the last {@link #newRegistry()}, that the dispatcher needs. */
    protected abstract EventStore storeFor(ListenerDispatcher dispatcher);

    /** Returns another registry on the database of the last {@link #newRegistry()}. */
    protected abstract PublicationRegistry sameDatabase();

    private ListenerDispatcher dispatcher(PublicationRegistry registry, ListenerSettings with, String id,
            CalendlyEventListener listener) {
        return ListenerDispatcher.builder(registry, with).clock(clock).jitter(upperBound()).listener(id, listener).build();
    }

    /** Jitter at the top of its range, so a test that advances by the bound always finds the publication due. */
    private static DoubleSupplier upperBound() {
        return () -> 0.999_999;
    }

    private StoredEvent newEvent() {
        byte[] body = SignedPayloads.inviteeCreated();
        return StoredEvent.of(parser.parse(body), body, clock.instant(), EventSource.WEBHOOK);
    }

    /** Stores the event and, when new, makes the first attempts, as the processor does. */
    private AppendResult deliver(EventStore store, ListenerDispatcher dispatcher, StoredEvent event) {
        AppendResult result = store.append(event);
        if (result == AppendResult.STORED) {
            dispatcher.published(event.event());
        }
        return result;
    }

    /**
     * Stores the event and creates its publications, but the process "dies" before any listener runs:
     * the first attempts go to an executor that drops them.
     */
    private ListenerDispatcher crashingBeforeListeners(PublicationRegistry registry, CalendlyEventListener listener,
            StoredEvent event) {
        ListenerDispatcher dying = ListenerDispatcher.builder(registry, settings.toBuilder().mode(ListenerMode.ASYNC)
                .build()).clock(clock).executor(task -> { }).listener("crm", listener).build();
        assertThat(deliver(storeFor(dying), dying, event)).isEqualTo(AppendResult.STORED);
        return dying;
    }

    private int runDueAfter(ListenerDispatcher dispatcher, Duration wait) {
        clock.advance(wait);
        return dispatcher.runDue();
    }

    @Test
    void aListenerThatFailsTwiceThenSucceedsRunsExactlyThreeTimesAndEndsComplete() {
        RecordingListener crm = RecordingListener.failingFirst(2);
        ListenerDispatcher dispatcher = dispatcher(newRegistry(), settings, "crm", crm);
        EventStore store = storeFor(dispatcher);

        deliver(store, dispatcher, newEvent());
        assertThat(dispatcher.counts()).isEqualTo(new PublicationCounts(0, 1, 0));
        assertThat(runDueAfter(dispatcher, FIRST_RETRY)).isEqualTo(1);
        assertThat(runDueAfter(dispatcher, FIRST_RETRY.multipliedBy(2))).isEqualTo(1);

        assertThat(crm.attempts()).containsExactly(1, 2, 3);
        assertThat(dispatcher.counts()).isEqualTo(PublicationCounts.NONE);
        assertThat(runDueAfter(dispatcher, Duration.ofDays(1))).isZero();
        assertThat(crm.calls()).hasSize(3);
    }

    @Test
    void aListenerThatAlwaysFailsIsParkedAfterTheLimitAndRunsAgainWhenRetried() {
        RecordingListener crm = RecordingListener.alwaysFailing();
        ListenerDispatcher dispatcher = dispatcher(newRegistry(), settings, "crm", crm);
        StoredEvent event = newEvent();
        deliver(storeFor(dispatcher), dispatcher, event);

        for (int i = 0; i < 5; i++) {
            runDueAfter(dispatcher, settings.maxRetryDelay());
        }

        assertThat(crm.attempts()).containsExactly(1, 2, 3, 4);
        assertThat(dispatcher.counts()).isEqualTo(new PublicationCounts(0, 0, 1));
        Publication parked = dispatcher.list(PublicationStatus.PARKED, 0, 10).items().get(0);
        assertThat(parked.id()).isEqualTo(Publication.id(event.key(), "crm"));
        assertThat(parked.attempts()).isEqualTo(4);
        assertThat(parked.nextAttemptAt()).isNull();
        assertThat(parked.lastError()).isNotNull();
        assertThat(parked.lastError().type()).isEqualTo(IllegalStateException.class.getName());

        crm.recover();
        assertThat(dispatcher.retry(parked.id())).isTrue();
        assertThat(dispatcher.runDue()).isEqualTo(1);

        assertThat(crm.attempts()).containsExactly(1, 2, 3, 4, 5);
        assertThat(dispatcher.counts()).isEqualTo(PublicationCounts.NONE);
    }

    @Test
    void aRetriedParkedPublicationThatFailsAgainIsParkedAgainAndRetryAllRunsEveryParkedOne() {
        RecordingListener crm = RecordingListener.alwaysFailing();
        ListenerSettings once = settings.toBuilder().maxAttempts(1).build();
        ListenerDispatcher dispatcher = dispatcher(newRegistry(), once, "crm", crm);
        EventStore store = storeFor(dispatcher);
        deliver(store, dispatcher, newEvent());
        deliver(store, dispatcher, newEvent());
        assertThat(dispatcher.counts().parked()).isEqualTo(2);

        assertThat(dispatcher.retryAllParked()).isEqualTo(2);
        assertThat(dispatcher.counts()).isEqualTo(new PublicationCounts(0, 2, 0));
        assertThat(dispatcher.runDue()).isEqualTo(2);
        assertThat(dispatcher.counts().parked()).isEqualTo(2);

        crm.recover();
        dispatcher.retryAllParked();
        assertThat(dispatcher.runDue()).isEqualTo(2);
        assertThat(dispatcher.counts()).isEqualTo(PublicationCounts.NONE);
        assertThat(crm.calls()).hasSize(6);
    }

    @Test
    void aPublicationLeftIncompleteByACrashIsResubmittedAtStartUp() {
        RecordingListener crm = RecordingListener.succeeding();
        StoredEvent event = newEvent();
        ListenerDispatcher beforeCrash = crashingBeforeListeners(newRegistry(), crm, event);
        assertThat(beforeCrash.counts()).isEqualTo(new PublicationCounts(1, 0, 0));

        clock.advance(Duration.ofSeconds(2));
        ListenerDispatcher afterRestart = dispatcher(sameDatabase(), settings, "crm", crm);
        assertThat(afterRestart.runDue()).as("still leased to the dead process").isZero();
        assertThat(afterRestart.resubmitAfterRestart()).isEqualTo(1);
        assertThat(afterRestart.runDue()).isEqualTo(1);

        assertThat(crm.calls()).hasSize(1);
        assertThat(crm.calls().get(0).context().attempt()).isEqualTo(2);
        assertThat(crm.calls().get(0).context().eventId()).isEqualTo(event.key());
        assertThat(afterRestart.counts()).isEqualTo(PublicationCounts.NONE);
    }

    @Test
    void aFirstAttemptTheRestartedInstanceIsRunningIsNotResubmitted() {
        RecordingListener crm = RecordingListener.succeeding();
        ListenerDispatcher restarted = crashingBeforeListeners(newRegistry(), crm, newEvent());

        assertThat(restarted.resubmitAfterRestart()).as("its own claim, taken after it started").isZero();
        assertThat(restarted.runDue()).isZero();
        assertThat(restarted.counts()).isEqualTo(new PublicationCounts(1, 0, 0));
    }

    @Test
    void anotherInstanceRunsADeadInstancesPublicationOnlyOnceItsLeaseHasExpired() {
        RecordingListener crm = RecordingListener.succeeding();
        crashingBeforeListeners(newRegistry(), crm, newEvent());
        ListenerDispatcher survivor = dispatcher(sameDatabase(), settings.toBuilder().instanceId("node-2").build(),
                "crm", crm);

        assertThat(survivor.resubmitAfterRestart()).isZero();
        assertThat(runDueAfter(survivor, LEASE.minusSeconds(1))).isZero();
        assertThat(runDueAfter(survivor, Duration.ofSeconds(1))).isEqualTo(1);
        assertThat(crm.calls()).hasSize(1);
    }

    @Test
    void aRunningPublicationWhoseLeaseIsRenewedIsNotTakenByAnotherInstance() {
        RecordingListener crm = RecordingListener.succeeding();
        RecordingListener other = RecordingListener.succeeding();
        ListenerDispatcher running = dispatcher(newRegistry(), settings, "crm", crm);
        EventStore store = storeFor(running);
        ListenerDispatcher peer = dispatcher(sameDatabase(), settings.toBuilder().instanceId("node-2").build(), "crm",
                other);
        int[] renewed = new int[1];
        int[] takenByPeer = new int[1];
        crm.whileRunning(() -> {
            clock.advance(LEASE.multipliedBy(6).dividedBy(10));
            renewed[0] = running.renewLeases();
            clock.advance(LEASE.multipliedBy(6).dividedBy(10));
            takenByPeer[0] = peer.runDue();
        });

        deliver(store, running, newEvent());

        assertThat(renewed[0]).isEqualTo(1);
        assertThat(takenByPeer[0]).isZero();
        assertThat(other.calls()).isEmpty();
        assertThat(running.counts()).isEqualTo(PublicationCounts.NONE);
    }

    @Test
    void deliveriesStoredAtTheSameTimeEachRunTheirListenerOnceAndEndComplete() throws Exception {
        RecordingListener crm = RecordingListener.succeeding();
        ListenerDispatcher dispatcher = dispatcher(newRegistry(), settings, "crm", crm);
        EventStore store = storeFor(dispatcher);
        List<StoredEvent> events = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            events.add(newEvent());
        }
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<AppendResult>> results = new ArrayList<>();
            for (StoredEvent event : events) {
                results.add(threads.submit(() -> deliver(store, dispatcher, event)));
            }
            for (Future<AppendResult> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(AppendResult.STORED);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(crm.calls()).extracting(call -> call.event().idempotencyKey()).doesNotHaveDuplicates()
                .hasSize(events.size());
        assertThat(dispatcher.counts()).isEqualTo(PublicationCounts.NONE);
    }

    @Test
    void aDuplicateDeliveryCreatesNoSecondPublication() {
        RecordingListener crm = RecordingListener.alwaysFailing();
        ListenerDispatcher dispatcher = dispatcher(newRegistry(), settings, "crm", crm);
        EventStore store = storeFor(dispatcher);
        StoredEvent event = newEvent();

        assertThat(deliver(store, dispatcher, event)).isEqualTo(AppendResult.STORED);
        assertThat(deliver(store, dispatcher, event)).isEqualTo(AppendResult.DUPLICATE);

        assertThat(crm.calls()).hasSize(1);
        assertThat(dispatcher.counts().incomplete()).isEqualTo(1);
    }

    @Test
    void eachListenerHasItsOwnPublicationAndOnlyTheFailedOneRunsAgain() {
        RecordingListener crm = RecordingListener.failingFirst(1);
        RecordingListener mail = RecordingListener.succeeding();
        ListenerDispatcher dispatcher = ListenerDispatcher.builder(newRegistry(), settings).clock(clock)
                .jitter(upperBound()).listener("crm", crm).listener("mail", mail).build();

        deliver(storeFor(dispatcher), dispatcher, newEvent());
        assertThat(dispatcher.counts()).isEqualTo(new PublicationCounts(0, 1, 0));
        assertThat(dispatcher.list(PublicationStatus.RETRYING, 0, 10).items()).extracting(Publication::listenerId)
                .containsExactly("crm");
        runDueAfter(dispatcher, FIRST_RETRY);

        assertThat(crm.attempts()).containsExactly(1, 2);
        assertThat(mail.attempts()).containsExactly(1);
        assertThat(dispatcher.counts()).isEqualTo(PublicationCounts.NONE);
    }

    @Test
    void theFirstRetryComesWithinTheConfiguredDelayAndNotBeforeItsBackOff() {
        RecordingListener crm = RecordingListener.failingFirst(1);
        ListenerDispatcher dispatcher = dispatcher(newRegistry(), settings, "crm", crm);
        deliver(storeFor(dispatcher), dispatcher, newEvent());

        assertThat(runDueAfter(dispatcher, FIRST_RETRY.minusSeconds(1))).isZero();
        assertThat(runDueAfter(dispatcher, Duration.ofSeconds(1))).isEqualTo(1);
        assertThat(crm.attempts()).containsExactly(1, 2);
    }

    @Test
    void aPublicationOlderThanTheMaxAgeIsParkedAtItsNextFailure() {
        RecordingListener crm = RecordingListener.alwaysFailing();
        ListenerSettings young = settings.toBuilder().maxAttempts(100).maxAge(Duration.ofMinutes(1)).build();
        ListenerDispatcher dispatcher = dispatcher(newRegistry(), young, "crm", crm);
        deliver(storeFor(dispatcher), dispatcher, newEvent());

        runDueAfter(dispatcher, Duration.ofMinutes(2));

        assertThat(crm.attempts()).containsExactly(1, 2);
        assertThat(dispatcher.counts()).isEqualTo(new PublicationCounts(0, 0, 1));
    }

    @Test
    void theLastErrorKeepsTheExceptionClassAndTheFirstLineOfItsMessageCutToSize() {
        CalendlyEventListener leaky = new CalendlyEventListener() {
            @Override
            public void onEvent(CalendlyEvent event) {
                throw new IllegalArgumentException("x".repeat(2000) + "\nAuthorization: Bearer secret-token");
            }
        };
        ListenerDispatcher dispatcher = dispatcher(newRegistry(), settings, "crm", leaky);
        deliver(storeFor(dispatcher), dispatcher, newEvent());

        Publication failed = dispatcher.list(PublicationStatus.RETRYING, 0, 10).items().get(0);

        assertThat(failed.lastError().type()).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(failed.lastError().message()).hasSizeLessThanOrEqualTo(500).doesNotContain("secret-token")
                .startsWith("xxx");
        assertThat(failed.lastAttemptAt()).isEqualTo(NOW);
        assertThat(failed.eventName()).isEqualTo("invitee.created");
    }

    @Test
    void incompletePublicationsAreListedOldestFirstPageByPage() {
        ListenerDispatcher dispatcher = dispatcher(newRegistry(), settings, "crm", RecordingListener.alwaysFailing());
        EventStore store = storeFor(dispatcher);
        for (int i = 0; i < 5; i++) {
            deliver(store, dispatcher, newEvent());
            clock.advance(Duration.ofSeconds(1));
        }

        PublicationPage first = dispatcher.list(PublicationStatus.RETRYING, 0, 2);
        PublicationPage last = dispatcher.list(PublicationStatus.RETRYING, 2, 2);

        assertThat(first.total()).isEqualTo(5);
        assertThat(first.items()).extracting(Publication::createdAt).containsExactly(NOW, NOW.plusSeconds(1));
        assertThat(first.hasNext()).isTrue();
        assertThat(last.items()).extracting(Publication::createdAt).containsExactly(NOW.plusSeconds(4));
        assertThat(last.hasNext()).isFalse();
        assertThat(dispatcher.list(PublicationStatus.PARKED, 0, 2).items()).isEmpty();
    }

    @Test
    void publicationsOfAListenerThisInstanceDoesNotHaveAreLeftForOneThatHasIt() {
        ListenerDispatcher old = dispatcher(newRegistry(), settings, "old-crm", RecordingListener.alwaysFailing());
        deliver(storeFor(old), old, newEvent());
        RecordingListener renamed = RecordingListener.succeeding();
        ListenerDispatcher current = dispatcher(sameDatabase(), settings, "crm", renamed);

        assertThat(runDueAfter(current, Duration.ofHours(1))).isZero();

        assertThat(renamed.calls()).isEmpty();
        assertThat(current.counts()).isEqualTo(new PublicationCounts(0, 1, 0));
    }
}
