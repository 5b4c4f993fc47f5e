package io.github.calendlywebhook.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.health.DeliveryHealth;
import io.github.calendlywebhook.core.health.DeliveryHealthCheck;
import io.github.calendlywebhook.core.health.DeliveryHealthTracker;
import io.github.calendlywebhook.core.health.StoreProbe;
import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.pipeline.WebhookRequest;
import io.github.calendlywebhook.core.signature.SignatureVerifier;
import io.github.calendlywebhook.test.SignedPayloads;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The delivery-health tracker is a bean with or without micronaut-management (run both ways). */
class DeliveryHealthTrackerBeanTest {

    private static final String SECRET = "tracker-test-secret-0123456789";

    @Test
    void trackerShouldObserveEveryDeliveryOfTheProcessor() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("calendly.webhook.secret", SECRET))) {
            byte[] body = SignedPayloads.inviteeCreated();
            Map<String, List<String>> headers = Map.of("Content-Type", List.of("application/json"),
                    SignatureVerifier.HEADER, List.of(SignedPayloads.sign(SECRET, body, Instant.now())));
            WebhookProcessor processor = context.getBean(WebhookProcessor.class);

            processor.process(WebhookRequest.post(headers, "127.0.0.1", body));
            processor.process(WebhookRequest.post(Map.of(), "127.0.0.1", body));

            DeliveryHealth health = DeliveryHealthCheck.of(context.getBean(DeliveryHealthTracker.class),
                    StoreProbe.none()).check();
            assertThat(health.lastAccepted()).isNotNull();
            assertThat(health.rejections()).containsOnlyKeys(Outcome.UNSUPPORTED_MEDIA_TYPE.code());
        }
    }

    @Test
    void disabledWebhookShouldCreateNoTracker() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("calendly.webhook.enabled", "false"))) {
            assertThat(context.containsBean(DeliveryHealthTracker.class)).isFalse();
        }
    }
}
