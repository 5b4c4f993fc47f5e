package io.github.calendlywebhook.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.calendlywebhook.core.metrics.DashboardMetrics;
import io.github.calendlywebhook.core.metrics.MetricsSummary;
import io.github.calendlywebhook.core.metrics.Period;
import io.github.calendlywebhook.core.publication.ListenerMetrics;
import io.github.calendlywebhook.core.store.ProjectingEventStore;
import io.github.calendlywebhook.core.store.RevenueSettings;
import io.github.calendlywebhook.core.store.RevenueSettingsStore;
import io.github.calendlywebhook.core.publication.ListenerDispatcher;
import io.github.calendlywebhook.core.publication.ListenerMode;
import io.github.calendlywebhook.core.publication.ListenerSettings;
import io.github.calendlywebhook.core.publication.PublicationCounts;
import io.github.calendlywebhook.core.publication.PublicationRegistry;
import io.github.calendlywebhook.core.store.JdbcSchema;
import io.github.calendlywebhook.test.RecordingListener;
import io.github.calendlywebhook.test.SignedPayloads;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ListenerDispatcherProcessorTest {

    private final ProcessorFixture fixture = new ProcessorFixture();
    private final List<Runnable> queued = new ArrayList<>();
    private JdbcConnectionPool database;

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.dispose();
        }
    }

    private ListenerDispatcher dispatcher(PublicationRegistry registry, ListenerSettings settings,
            RecordingListener listener) {
        return ListenerDispatcher.builder(registry, settings).clock(fixture.clock).executor(queued::add)
                .jitter(() -> 0.5).listener("crm", listener).build();
    }

    @Test
    void aThrowingListenerStillGetsTheDeliveryAcceptedAndRunsAgainUntilItReturns() {
        RecordingListener crm = RecordingListener.failingFirst(1);
        ListenerDispatcher dispatcher = dispatcher(PublicationRegistry.inMemory(), ListenerSettings.ofDefaults(), crm);
        WebhookProcessor processor = fixture.builder().dispatcher(dispatcher).build();

        WebhookResponse response = processor.process(Requests.signed(SignedPayloads.inviteeCreated()).build());
        assertThat(response.status()).isEqualTo(200);
        assertThat(dispatcher.counts()).isEqualTo(new PublicationCounts(0, 1, 0));
        fixture.clock.advance(ListenerSettings.DEFAULT_FIRST_RETRY);
        dispatcher.runDue();

        assertThat(crm.attempts()).containsExactly(1, 2);
        assertThat(dispatcher.counts()).isEqualTo(PublicationCounts.NONE);
        assertThat(processor.listenerFailures()).as("counted by the dispatcher, not the processor").isZero();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        new ListenerMetrics(dispatcher).bindTo(meters);
        assertThat(meters.get(ListenerMetrics.ATTEMPTS).tag("outcome", "failed").functionCounter().count()).isEqualTo(1);
    }

    @Test
    void theFirstAttemptRunsOnTheRequestThreadBeforeTheAnswerByDefault() {
        RecordingListener crm = RecordingListener.succeeding();
        WebhookProcessor processor = fixture.builder()
                .dispatcher(dispatcher(PublicationRegistry.inMemory(), ListenerSettings.ofDefaults(), crm)).build();

        processor.process(Requests.signed(SignedPayloads.inviteeCreated()).build());

        assertThat(crm.calls()).hasSize(1);
        assertThat(queued).isEmpty();
    }

    @Test
    void inAsyncModeTheDeliveryIsAnsweredBeforeTheListenerRuns() {
        RecordingListener crm = RecordingListener.succeeding();
        ListenerSettings async = ListenerSettings.builder().mode(ListenerMode.ASYNC).build();
        ListenerDispatcher dispatcher = dispatcher(PublicationRegistry.inMemory(), async, crm);
        WebhookProcessor processor = fixture.builder().dispatcher(dispatcher).build();

        WebhookResponse response = processor.process(Requests.signed(SignedPayloads.inviteeCreated()).build());
        assertThat(response.status()).isEqualTo(200);
        assertThat(crm.calls()).isEmpty();
        assertThat(dispatcher.counts().pending()).isEqualTo(1);
        queued.forEach(Runnable::run);

        assertThat(crm.attempts()).containsExactly(1);
        assertThat(dispatcher.counts()).isEqualTo(PublicationCounts.NONE);
    }

    @Test
    void aDuplicateDeliveryRunsNoListenerAndCreatesNoPublication() {
        RecordingListener crm = RecordingListener.alwaysFailing();
        ListenerDispatcher dispatcher = dispatcher(PublicationRegistry.inMemory(), ListenerSettings.ofDefaults(), crm);
        WebhookProcessor processor = fixture.builder().dispatcher(dispatcher).build();
        byte[] body = SignedPayloads.inviteeCreated();

        processor.process(Requests.signed(body).build());
        WebhookResponse duplicate = processor.process(Requests.signed(body).build());

        assertThat(duplicate.status()).isEqualTo(200);
        assertThat(crm.calls()).hasSize(1);
        assertThat(dispatcher.counts().incomplete()).isEqualTo(1);
    }

    @Test
    void theDashboardNumbersDoNotMoveWhileAListenerIsRetried() {
        database = JdbcConnectionPool.create("jdbc:h2:mem:dashboard-numbers;DB_CLOSE_DELAY=-1", "sa", "");
        JdbcSchema.create(database);
        RecordingListener crm = RecordingListener.failingFirst(3);
        ListenerDispatcher dispatcher = dispatcher(PublicationRegistry.jdbc(database),
                ListenerSettings.ofDefaults(), crm);
        ProjectingEventStore store = dispatcher.jdbcEventStore(database);
        DashboardMetrics metrics = DashboardMetrics.create(store, RevenueSettingsStore.inMemory(
                RevenueSettings.ofDefaults()), fixture.clock);
        WebhookProcessor processor = fixture.builder().store(store).dispatcher(dispatcher).build();

        processor.process(Requests.signed(SignedPayloads.inviteeCreated()).build());
        MetricsSummary afterDelivery = metrics.summary(Period.ALL_TIME);
        var totalsAfterDelivery = store.totals(true);
        for (int i = 0; i < 3; i++) {
            fixture.clock.advance(Duration.ofHours(1));
            dispatcher.runDue();
        }

        assertThat(crm.attempts()).containsExactly(1, 2, 3, 4);
        assertThat(afterDelivery.bookedAppointments()).isEqualTo(1);
        assertThat(metrics.summary(Period.ALL_TIME)).isEqualTo(afterDelivery);
        assertThat(store.totals(true)).isEqualTo(totalsAfterDelivery);
    }

    @Test
    void aJdbcRegistryWhoseStoreDoesNotWriteItsPublicationsStopsTheProcessorFromBuilding() {
        database = JdbcConnectionPool.create("jdbc:h2:mem:unwired;DB_CLOSE_DELAY=-1", "sa", "");
        ListenerDispatcher dispatcher = dispatcher(PublicationRegistry.jdbc(database),
                ListenerSettings.ofDefaults(), RecordingListener.succeeding());

        assertThatThrownBy(() -> fixture.builder().dispatcher(dispatcher).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("calendly.webhook.listeners")
                .hasMessageContaining("jdbcEventStore(dataSource)");
    }
}
