package io.github.calendlywebhook.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.metrics.CalendlyWebhookMetrics;
import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.pipeline.WebhookRequest;
import io.github.calendlywebhook.core.signature.SignatureVerifier;
import io.github.calendlywebhook.test.SignedPayloads;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The meters through the real micronaut-micrometer integration: its registry, bound once. */
class MicronautMicrometerTest {

    private static final String SECRET = "micrometer-secret-0123456789";

    @Test
    void micronautMicrometerRegistryShouldCountEachDeliveryOnce() {
        try (ApplicationContext context = ApplicationContext.builder(Map.of("calendly.webhook.secret", SECRET))
                .environmentPropertySource(false).start()) {
            byte[] body = SignedPayloads.inviteeCreated();
            Map<String, List<String>> headers = Map.of("Content-Type", List.of("application/json"),
                    SignatureVerifier.HEADER, List.of(SignedPayloads.sign(SECRET, body, Instant.now())));
            context.getBean(WebhookProcessor.class).process(WebhookRequest.post(headers, "127.0.0.1", body));

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.getClass().getName()).isEqualTo("io.micrometer.core.instrument.composite.CompositeMeterRegistry");
            assertThat(registry.find(CalendlyWebhookMetrics.DELIVERIES).counters()).singleElement()
                    .satisfies(counter -> assertThat(counter.count()).isEqualTo(1.0));
            assertThat(registry.find(CalendlyWebhookMetrics.BOOKED_APPOINTMENTS).gauges()).singleElement()
                    .satisfies(gauge -> assertThat(gauge.value()).isEqualTo(1.0));
            assertThat(context.getBeansOfType(CalendlyWebhookMetrics.class)).hasSize(1);
        }
    }
}
