package io.github.calendlywebhook.core.api.health;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.calendlywebhook.core.health.DeliveryHealthTracker;
import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.pipeline.WebhookRequest;
import io.github.calendlywebhook.core.pipeline.WebhookResponse;
import io.github.calendlywebhook.core.store.InMemoryEventStore;
import io.github.calendlywebhook.test.ConformanceSettings;
import io.github.calendlywebhook.test.MutableClock;
import io.github.calendlywebhook.test.SignedPayloads;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A delivery-health monitor with a broken alert target, wired into the real processor. */
class AlertingDoesNotAffectDeliveriesTest {

    private static final String HOOK = "/alerts";
    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    @RegisterExtension
    static WireMockExtension target = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final InMemoryEventStore store = new InMemoryEventStore();

    @Test
    void aTargetAnswering500ChangesNothingForDeliveries() {
        target.stubFor(post(HOOK).willReturn(aResponse().withStatus(500)));
        RecordingNotifier notifier = notifier(Duration.ofSeconds(5));
        WebhookProcessor processor = processor(notifier);

        WebhookResponse rejected = processor.process(request(SignedPayloads.inviteeCreated(), "t=1,v1=00"));
        WebhookResponse accepted = processor.process(signed(SignedPayloads.inviteeCreated()));

        assertThat(rejected.status()).isEqualTo(401);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(store.size()).isEqualTo(1);
        assertThat(notifier.awaitPosts()).containsExactly(false);
        assertThat(processor.observerFailures()).isZero();
    }

    @Test
    void aTargetThatNeverAnswersDoesNotHoldUpDeliveries() {
        target.stubFor(post(HOOK).willReturn(aResponse().withStatus(200).withFixedDelay(10_000)));
        RecordingNotifier notifier = notifier(Duration.ofSeconds(3));
        WebhookProcessor processor = processor(notifier);

        processor.process(request(SignedPayloads.inviteeCreated(), "t=1,v1=00"));
        WebhookResponse accepted = processor.process(signed(SignedPayloads.inviteeCreated()));

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(store.size()).isEqualTo(1);
        assertThat(notifier.alerts).hasSize(1);
        assertThat(notifier.awaitPosts()).containsExactly(false);
        target.verify(1, postRequestedFor(urlEqualTo(HOOK)));
    }

    private RecordingNotifier notifier(Duration timeout) {
        return new RecordingNotifier(AlertNotifier.slack(URI.create("http://127.0.0.1:" + target.getPort() + HOOK),
                timeout));
    }

    private WebhookProcessor processor(AlertNotifier notifier) {
        MutableClock clock = MutableClock.at(NOW);
        DeliveryHealthTracker tracker = DeliveryHealthTracker.create(clock);
        DeliveryHealthMonitor.builder(tracker, notifier).burstThreshold(1).build();
        return WebhookProcessor.builder(ConformanceSettings.settings()).clock(clock).store(store).observer(tracker)
                .build();
    }

    private static WebhookRequest signed(byte[] body) {
        return request(body, SignedPayloads.sign(body, NOW));
    }

    private static WebhookRequest request(byte[] body, String signature) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        headers.put("Calendly-Webhook-Signature", List.of(signature));
        return new WebhookRequest("POST", headers, "203.0.113.10",
                new ByteArrayInputStream(body), body.length);
    }
}
