package io.github.calendlywebhook.core.metrics;

import io.github.calendlywebhook.core.store.RevenueSettingsStore;
import io.github.calendlywebhook.core.store.RevenueSettings;
import static io.github.calendlywebhook.test.EventFixtures.created;
import static io.github.calendlywebhook.test.EventFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.delivery.DeliveryResult;
import io.github.calendlywebhook.core.store.InMemoryEventStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CalendlyWebhookMetricsTest {

    private static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void countsDeliveriesByOutcomeAndEventName() {
        CalendlyWebhookMetrics metrics = new CalendlyWebhookMetrics();
        metrics.bindTo(registry);

        metrics.onDelivery(new DeliveryResult(Outcome.ACCEPTED, created("a", "intro", NOW), EventSource.WEBHOOK,
                "203.0.113.7", Duration.ofMillis(4)));
        metrics.onDelivery(new DeliveryResult(Outcome.ACCEPTED, created("b", "intro", NOW), EventSource.WEBHOOK,
                "203.0.113.7", Duration.ofMillis(6)));
        metrics.onDelivery(new DeliveryResult(Outcome.INVALID_SIGNATURE, null, EventSource.WEBHOOK, "198.51.100.1",
                Duration.ofMillis(1)));

        assertThat(registry.get(CalendlyWebhookMetrics.DELIVERIES).tag("outcome", "accepted")
                .tag("event", "invitee.created").counter().count()).isEqualTo(2.0);
        assertThat(registry.get(CalendlyWebhookMetrics.DELIVERIES).tag("outcome", "invalid_signature")
                .tag("event", "none").counter().count()).isEqualTo(1.0);
    }

    @Test
    void timesProcessingPerOutcome() {
        CalendlyWebhookMetrics metrics = new CalendlyWebhookMetrics();
        metrics.bindTo(registry);

        metrics.onDelivery(new DeliveryResult(Outcome.DUPLICATE, created("a", "intro", NOW), EventSource.WEBHOOK,
                "203.0.113.7", Duration.ofMillis(30)));

        assertThat(registry.get(CalendlyWebhookMetrics.PROCESSING).tag("outcome", "duplicate").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(30.0);
    }

    @Test
    void gaugesTheCurrentlyBookedAppointments() {
        InMemoryEventStore store = new InMemoryEventStore();
        DashboardMetrics dashboard = DashboardMetrics.create(store, RevenueSettingsStore.inMemory(
                RevenueSettings.ofDefaults()), Clock.fixed(NOW, java.time.ZoneOffset.UTC));
        new CalendlyWebhookMetrics(dashboard).bindTo(registry);

        store.append(stored(created("a", "intro", NOW)));
        store.append(stored(created("b", "intro", NOW)));

        assertThat(registry.get(CalendlyWebhookMetrics.BOOKED_APPOINTMENTS).gauge().value()).isEqualTo(2.0);
    }

    @Test
    void ignoresDeliveriesObservedBeforeBinding() {
        CalendlyWebhookMetrics metrics = new CalendlyWebhookMetrics();

        metrics.onDelivery(new DeliveryResult(Outcome.ACCEPTED, null, EventSource.WEBHOOK, "203.0.113.7",
                Duration.ofMillis(1)));
        metrics.bindTo(registry);

        assertThat(registry.find(CalendlyWebhookMetrics.DELIVERIES).counters()).isEmpty();
    }
}
