package io.github.calendlywebhook.spring;

import io.github.calendlywebhook.core.pipeline.WebhookRequest;
import io.github.calendlywebhook.test.SignedDelivery;

/** Signed requests for driving the auto-configured processor directly, from Calendly's address. */
final class Deliveries {

    static final String SECRET = "spring-test-secret-0123456789";
    static final String CALENDLY_ADDRESS = "203.0.113.7";

    private Deliveries() {
    }

    static WebhookRequest signed(byte[] body) {
        return signed(SECRET, body);
    }

    static WebhookRequest signedVia(String proxyAddress, byte[] body) {
        return request(SignedDelivery.of(body).secret(SECRET).forwardedFor(proxyAddress), body);
    }

    static WebhookRequest signed(String secret, byte[] body) {
        return request(SignedDelivery.of(body).secret(secret), body);
    }

    private static WebhookRequest request(SignedDelivery delivery, byte[] body) {
        return WebhookRequest.post(delivery.headers(), CALENDLY_ADDRESS, body);
    }
}
