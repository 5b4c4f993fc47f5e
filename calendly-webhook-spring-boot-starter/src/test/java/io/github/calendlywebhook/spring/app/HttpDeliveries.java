package io.github.calendlywebhook.spring.app;

import io.github.calendlywebhook.core.testing.SignedPayloads;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

/** Sends requests to the running test application over real HTTP on 127.0.0.1. */
final class HttpDeliveries {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private HttpDeliveries() {
    }

    static HttpResponse<String> postSigned(int port, String path, String secret, byte[] body)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(port, path))
                .header("Content-Type", "application/json")
                .header("Calendly-Webhook-Signature", SignedPayloads.sign(secret, body, Instant.now()))
                .header("X-Forwarded-For", "203.0.113.9")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    static HttpResponse<String> postUnsigned(int port, String path, byte[] body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(port, path))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", "203.0.113.9")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(port, path)).GET().build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
