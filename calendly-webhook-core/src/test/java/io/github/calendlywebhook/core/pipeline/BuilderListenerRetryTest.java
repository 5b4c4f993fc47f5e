package io.github.calendlywebhook.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.calendlywebhook.core.audit.AuditEntry;
import io.github.calendlywebhook.core.audit.AuditLog;
import io.github.calendlywebhook.core.publication.PublicationRegistry;
import io.github.calendlywebhook.core.publication.ListenerDispatcher;
import io.github.calendlywebhook.core.publication.ListenerMode;
import io.github.calendlywebhook.core.publication.ListenerSettings;
import io.github.calendlywebhook.core.publication.PublicationCounts;
import io.github.calendlywebhook.core.store.StoreUnavailableException;
import io.github.calendlywebhook.test.RecordingListener;
import io.github.calendlywebhook.test.SignedPayloads;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Listeners added to the processor's builder are delivered at least once, on an in-memory registry. */
class BuilderListenerRetryTest {

    /** The scheduler never polls by itself within a test: the test runs what is due. */
    private static final ListenerSettings DRIVEN_BY_THE_TEST = ListenerSettings.builder()
            .pollInterval(Duration.ofDays(1)).build();

    private final ProcessorFixture fixture = new ProcessorFixture();
    private WebhookProcessor processor;

    @AfterEach
    void closeProcessor() {
        if (processor != null) {
            processor.close();
        }
    }

    @Test
    void aBuilderListenerThatFailsTwiceThenSucceedsRunsExactlyThreeTimesAndItsPublicationEndsComplete() {
        RecordingListener crm = RecordingListener.failingFirst(2);
        processor = fixture.builder().listener("crm", crm).listenerSettings(DRIVEN_BY_THE_TEST).build();
        ListenerDispatcher dispatcher = processor.listenerDispatcher().orElseThrow();

        WebhookResponse response = processor.process(Requests.signed(SignedPayloads.inviteeCreated()).build());
        assertThat(response.status()).isEqualTo(200);
        assertThat(dispatcher.counts()).isEqualTo(new PublicationCounts(0, 1, 0));
        fixture.clock.advance(ListenerSettings.DEFAULT_FIRST_RETRY);
        dispatcher.runDue();
        fixture.clock.advance(ListenerSettings.DEFAULT_FIRST_RETRY.multipliedBy(2));
        dispatcher.runDue();
        fixture.clock.advance(Duration.ofHours(1));
        dispatcher.runDue();

        assertThat(crm.attempts()).containsExactly(1, 2, 3);
        assertThat(crm.calls()).extracting(call -> call.context().eventId()).containsOnly(
                crm.calls().get(0).event().idempotencyKey());
        assertThat(dispatcher.counts()).isEqualTo(PublicationCounts.NONE);
        assertThat(processor.listenerFailures()).isEqualTo(2);
    }

    @Test
    void aFailedBuilderListenerIsRetriedInTheBackgroundWhileTheProcessRuns() throws InterruptedException {
        CountDownLatch returned = new CountDownLatch(1);
        RecordingListener crm = RecordingListener.failingFirst(2);
        crm.whileRunning(() -> {
            if (crm.calls().size() == 3) {
                returned.countDown();
            }
        });
        processor = fixture.builder().listener("crm", crm)
                .listenerSettings(ListenerSettings.builder().pollInterval(Duration.ofMillis(10)).build()).build();

        processor.process(Requests.signed(SignedPayloads.inviteeCreated()).build());
        for (int step = 0; step < 60_000 && !returned.await(20, TimeUnit.MILLISECONDS) && crm.calls().size() < 3;
                step++) {
            fixture.clock.advance(Duration.ofSeconds(1));
        }

        assertThat(returned.await(1, TimeUnit.MINUTES)).as("the third attempt ran").isTrue();
        assertThat(crm.attempts()).containsExactly(1, 2, 3);
    }

    @Test
    void aBuilderListenerThatNeverThrowsRunsOnceOnTheRequestThreadAndLeavesNothingBehind() {
        Thread requestThread = Thread.currentThread();
        RecordingListener crm = RecordingListener.succeeding();
        crm.whileRunning(() -> assertThat(Thread.currentThread()).isSameAs(requestThread));
        processor = fixture.builder().listener(crm).build();

        processor.process(Requests.signed(SignedPayloads.inviteeCreated()).build());

        assertThat(crm.attempts()).containsExactly(1);
        assertThat(processor.listenerDispatcher().orElseThrow().counts()).isEqualTo(PublicationCounts.NONE);
        assertThat(processor.listenerFailures()).isZero();
    }

    @Test
    void inAsyncModeTheDeliveryIsAnsweredBeforeTheBuilderListenerReturns() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        RecordingListener crm = RecordingListener.succeeding();
        crm.whileRunning(() -> {
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        processor = fixture.builder().listener("crm", crm)
                .listenerSettings(ListenerSettings.builder().mode(ListenerMode.ASYNC).build()).build();

        WebhookResponse response = processor.process(Requests.signed(SignedPayloads.inviteeCreated()).build());

        assertThat(response.status()).isEqualTo(200);
        assertThat(processor.listenerDispatcher().orElseThrow().counts().incomplete()).isEqualTo(1);
        release.countDown();
    }

    @Test
    void closeStopsTheListenerThreadsEvenWhenTheAuditLogCannotBeFlushed() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        AtomicReference<Thread> listenerThread = new AtomicReference<>();
        RecordingListener crm = RecordingListener.succeeding();
        crm.whileRunning(() -> {
            listenerThread.set(Thread.currentThread());
            ran.countDown();
        });
        AuditLog unreachable = new AuditLog() {
            @Override
            public void record(AuditEntry entry) {
            }

            @Override
            public void flush() {
                throw new StoreUnavailableException("the audit database is down");
            }
        };
        WebhookProcessor closing = fixture.builder().auditLog(unreachable).listener("crm", crm)
                .listenerSettings(ListenerSettings.builder().mode(ListenerMode.ASYNC).build()).build();
        closing.process(Requests.signed(SignedPayloads.inviteeCreated()).build());
        assertThat(ran.await(1, TimeUnit.MINUTES)).as("the listener ran").isTrue();

        assertThatThrownBy(closing::close).isInstanceOf(StoreUnavailableException.class);

        listenerThread.get().join(TimeUnit.MINUTES.toMillis(1));
        assertThat(listenerThread.get().isAlive()).as("the listener thread ended").isFalse();
    }

    @Test
    void aListenerWithoutAnIdIsRegisteredUnderItsClassNameNumberedForEachFurtherInstance() {
        processor = fixture.builder().listener(RecordingListener.succeeding()).listener(RecordingListener.succeeding())
                .build();

        assertThat(processor.listenerDispatcher().orElseThrow().listenerIds()).containsExactly(
                RecordingListener.class.getName(), RecordingListener.class.getName() + "#2");
    }

    @Test
    void twoListenersUnderOneIdAreRefused() {
        WebhookProcessor.Builder builder = fixture.builder().listener("crm", RecordingListener.succeeding());

        assertThatThrownBy(() -> builder.listener("crm", RecordingListener.succeeding()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'crm'");
    }

    @Test
    void builderListenersBesideADispatcherAreRefusedNamingWhereToRegisterThem() {
        ListenerDispatcher dispatcher = ListenerDispatcher.builder(PublicationRegistry.inMemory(),
                ListenerSettings.ofDefaults()).build();
        WebhookProcessor.Builder builder = fixture.builder().dispatcher(dispatcher)
                .listener("crm", RecordingListener.succeeding());

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[crm]").hasMessageContaining("ListenerDispatcher.builder(...).listener(id, listener)");
    }

    @Test
    void aProcessorWithoutListenersHasNoDispatcher() {
        processor = fixture.processor();

        assertThat(processor.listenerDispatcher()).isEmpty();
    }
}
