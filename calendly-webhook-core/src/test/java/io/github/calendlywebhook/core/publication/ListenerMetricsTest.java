package io.github.calendlywebhook.core.publication;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.event.CalendlyEventParser;
import io.github.calendlywebhook.core.store.InMemoryEventStore;
import io.github.calendlywebhook.core.store.StoredEvent;
import io.github.calendlywebhook.test.MutableClock;
import io.github.calendlywebhook.test.RecordingListener;
import io.github.calendlywebhook.test.SignedPayloads;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ListenerMetricsTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-15T12:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ListenerDispatcher dispatcher = ListenerDispatcher.builder(new InMemoryPublicationRegistry(),
            ListenerSettings.builder().maxAttempts(2).build()).clock(clock).jitter(() -> 0.999)
            .listener("crm", RecordingListener.alwaysFailing()).listener("mail", RecordingListener.succeeding()).build();

    private void deliver() {
        byte[] body = SignedPayloads.inviteeCreated();
        StoredEvent event = StoredEvent.of(CalendlyEventParser.create().parse(body), body, clock.instant(),
                EventSource.WEBHOOK);
        new InMemoryEventStore().append(event);
        dispatcher.published(event.event());
    }

    private double gauge(String status) {
        return meters.get(ListenerMetrics.PUBLICATIONS).tag("status", status).gauge().value();
    }

    private double counter(String name, String outcome) {
        return meters.get(name).tag("outcome", outcome).functionCounter().count();
    }

    @Test
    void gaugesShowIncompletePublicationsByStatusAndCountersShowRetriesAndParkings() {
        new ListenerMetrics(dispatcher).bindTo(meters);

        deliver();
        assertThat(gauge("retrying")).isEqualTo(1);
        assertThat(gauge("parked")).isZero();
        clock.advance(Duration.ofSeconds(10));
        dispatcher.runDue();
        clock.advance(Duration.ofSeconds(1));

        assertThat(gauge("retrying")).isZero();
        assertThat(gauge("parked")).isEqualTo(1);
        assertThat(gauge("pending")).isZero();
        assertThat(counter(ListenerMetrics.ATTEMPTS, "completed")).isEqualTo(1);
        assertThat(counter(ListenerMetrics.ATTEMPTS, "failed")).isEqualTo(2);
        assertThat(meters.get(ListenerMetrics.RETRIED).functionCounter().count()).isEqualTo(1);
        assertThat(meters.get(ListenerMetrics.PARKED).functionCounter().count()).isEqualTo(1);
    }

    @Test
    void theGaugesReadTheRegistryAtMostOnceASecond() {
        new ListenerMetrics(dispatcher).bindTo(meters);
        assertThat(gauge("retrying")).isZero();

        deliver();

        assertThat(gauge("retrying")).as("cached").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(gauge("retrying")).isEqualTo(1);
    }
}
