package io.github.calendlywebhook.core.pipeline;

import io.github.calendlywebhook.test.SignedPayloads;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds in-memory requests for processor tests. */
final class Requests {

    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    static final String ALLOWED_CLIENT = "203.0.113.10";

    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private String method = "POST";
    private String remoteAddress = ALLOWED_CLIENT;
    private byte[] body = new byte[0];
    private long contentLength = -2;

    private Requests() {
        headers.put("Content-Type", List.of("application/json"));
    }

    /** Returns a POST of the body, signed with the conformance secret at {@link #NOW}. */
    static Requests signed(byte[] body) {
        return unsigned(body).header("Calendly-Webhook-Signature", SignedPayloads.sign(body, NOW));
    }

    static Requests unsigned(byte[] body) {
        Requests r = new Requests();
        r.body = body;
        return r;
    }

    Requests method(String value) {
        this.method = value;
        return this;
    }

    Requests from(String address) {
        this.remoteAddress = address;
        return this;
    }

    Requests header(String name, String... values) {
        headers.put(name, List.of(values));
        return this;
    }

    Requests withoutHeader(String name) {
        headers.remove(name);
        return this;
    }

    Requests contentLength(long value) {
        this.contentLength = value;
        return this;
    }

    WebhookRequest build() {
        long length = contentLength == -2 ? body.length : contentLength;
        return new WebhookRequest(method, headers, remoteAddress,
                new ByteArrayInputStream(body), length);
    }
}
