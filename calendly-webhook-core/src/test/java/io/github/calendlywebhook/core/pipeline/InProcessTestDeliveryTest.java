package io.github.calendlywebhook.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.test.ConformanceSettings;
import io.github.calendlywebhook.test.SignedPayloads;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An application's own test delivery runs every check of the delivery itself but none of the network checks. */
class InProcessTestDeliveryTest {

    private final ProcessorFixture fixture = new ProcessorFixture();

    @Test
    void storesASignedTestDeliveryWhateverTheAllowlist() {
        WebhookSettings onlyDocumentationNetworks = ConformanceSettings.settings().toBuilder()
                .allowedIps(List.of("192.0.2.0/24")).build();
        WebhookProcessor processor = fixture.builder(onlyDocumentationNetworks).build();
        byte[] body = SignedPayloads.inviteeCreated();

        WebhookResponse response = processor.processTestDelivery(signed(body), body, "198.51.100.20");

        assertThat(response.status()).isEqualTo(200);
        assertThat(fixture.store.events()).singleElement()
                .satisfies(event -> assertThat(event.source()).isEqualTo(EventSource.TEST));
    }

    @Test
    void auditsItAsAnAdminTestFromInProcess() {
        WebhookProcessor processor = fixture.processor();
        byte[] body = SignedPayloads.inviteeCreated();

        processor.processTestDelivery(signed(body), body, "198.51.100.20");

        assertThat(fixture.audit).singleElement().satisfies(entry -> {
            assertThat(entry.outcome()).isEqualTo(Outcome.ACCEPTED);
            assertThat(entry.source()).isEqualTo(EventSource.TEST);
            assertThat(entry.clientAddress()).isEqualTo(WebhookProcessor.IN_PROCESS_CLIENT);
            assertThat(entry.detail()).contains("admin test").contains("198.51.100.20");
        });
    }

    @Test
    void stillVerifiesTheSignature() {
        WebhookProcessor processor = fixture.processor();
        byte[] body = SignedPayloads.inviteeCreated();

        WebhookResponse response = processor.processTestDelivery(
                Map.of("Content-Type", List.of("application/json"),
                        "Calendly-Webhook-Signature", List.of(SignedPayloads.sign("another-secret", body, Requests.NOW))),
                body, "admin");

        assertThat(response.status()).isEqualTo(401);
        assertThat(fixture.store.size()).isZero();
        assertThat(fixture.audit).singleElement()
                .satisfies(entry -> assertThat(entry.outcome()).isEqualTo(Outcome.INVALID_SIGNATURE));
    }

    @Test
    void neitherSpendsNorHeedsAnyClientsRateLimit() {
        WebhookProcessor processor = fixture.processor();
        for (int i = 0; i < ConformanceSettings.BURST_PER_SECOND; i++) {
            byte[] body = SignedPayloads.inviteeCreated();
            assertThat(processor.processTestDelivery(signed(body), body, "admin").status()).isEqualTo(200);
        }
        byte[] body = SignedPayloads.inviteeCreated();

        int fromTheNetwork = processor.process(Requests.signed(body).build()).status();

        assertThat(fromTheNetwork).isEqualTo(200);
    }

    private static Map<String, List<String>> signed(byte[] body) {
        return Map.of("Content-Type", List.of("application/json"),
                "Calendly-Webhook-Signature", List.of(SignedPayloads.sign(body, Requests.NOW)));
    }
}
