package io.github.calendlywebhook.spring;

import io.github.calendlywebhook.core.pipeline.WebhookRequest;
import io.github.calendlywebhook.core.testing.SignedPayloads;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Signed requests for driving the auto-configured processor directly. */
final class Deliveries {

    static final String SECRET = "spring-test-secret-0123456789";
    static final String CALENDLY_ADDRESS = "203.0.113.7";

    private Deliveries() {
    }

    static WebhookRequest signed(byte[] body) {
        return signed(SECRET, body);
    }

    static WebhookRequest signedVia(String proxyAddress, byte[] body) {
        String signature = SignedPayloads.sign(SECRET, body, Instant.now());
        return WebhookRequest.post(Map.of("Content-Type", List.of("application/json"),
                "Calendly-Webhook-Signature", List.of(signature), "X-Forwarded-For", List.of(proxyAddress)),
                CALENDLY_ADDRESS, body);
    }

    static WebhookRequest signed(String secret, byte[] body) {
        String signature = SignedPayloads.sign(secret, body, Instant.now());
        return WebhookRequest.post(Map.of("Content-Type", List.of("application/json"),
                "Calendly-Webhook-Signature", List.of(signature)), CALENDLY_ADDRESS, body);
    }
}
