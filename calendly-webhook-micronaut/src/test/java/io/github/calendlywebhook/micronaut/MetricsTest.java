package io.github.calendlywebhook.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.metrics.CalendlyWebhookMetrics;
import io.github.calendlywebhook.core.metrics.DashboardMetrics;
import io.github.calendlywebhook.core.metrics.Period;
import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.publication.ListenerMetrics;
import io.github.calendlywebhook.core.pipeline.WebhookRequest;
import io.github.calendlywebhook.core.signature.SignatureVerifier;
import io.github.calendlywebhook.test.SignedPayloads;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private static final String SECRET = "metrics-test-secret-0123456789";
    private static final String SPEC = "metrics";

    private static void deliver(ApplicationContext context, byte[] body) {
        Map<String, List<String>> headers = Map.of("Content-Type", List.of("application/json"),
                SignatureVerifier.HEADER, List.of(SignedPayloads.sign(SECRET, body, Instant.now())));
        context.getBean(WebhookProcessor.class).process(WebhookRequest.post(headers, "127.0.0.1", body));
    }

    @Test
    void meterRegistryBeanShouldCountDeliveriesByOutcome() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("calendly.webhook.secret", SECRET, "spec.name", SPEC,
                "micronaut.metrics.enabled", "false"))) {
            deliver(context, SignedPayloads.inviteeCreated());

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get(CalendlyWebhookMetrics.DELIVERIES).tag("outcome", "accepted").counter().count())
                    .isEqualTo(1.0);
            assertThat(registry.get(CalendlyWebhookMetrics.BOOKED_APPOINTMENTS).gauge().value()).isEqualTo(1.0);
        }
    }

    @Test
    void meterRegistryBeanShouldGaugeListenerPublicationsByStatus() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("calendly.webhook.secret", SECRET, "spec.name", SPEC))) {
            assertThat(context.containsBean(ListenerMetrics.class)).isTrue();

            assertThat(context.getBean(MeterRegistry.class).get(ListenerMetrics.PUBLICATIONS).tag("status", "parked")
                    .gauge().value()).isZero();
        }
    }

    @Test
    void dashboardMetricsShouldReadTheStoreCounters() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("calendly.webhook.secret", SECRET))) {
            deliver(context, SignedPayloads.inviteeCreated());

            assertThat(context.getBean(DashboardMetrics.class).summary(Period.ALL_TIME).bookedAppointments()).isEqualTo(1);
        }
    }

    @Test
    void noMeterRegistryShouldCreateNoMeters() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("calendly.webhook.secret", SECRET,
                "micronaut.metrics.enabled", "false"))) {
            assertThat(context.containsBean(CalendlyWebhookMetrics.class)).isFalse();
        }
    }

    /** The application's registry. */
    @Factory
    @Requires(property = "spec.name", value = SPEC)
    static class Registry {

        @Singleton
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
