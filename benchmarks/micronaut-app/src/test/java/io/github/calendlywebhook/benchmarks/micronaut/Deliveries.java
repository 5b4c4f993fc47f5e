package io.github.calendlywebhook.benchmarks.micronaut;

import io.github.calendlywebhook.core.signature.SignatureHeaders;
import io.github.calendlywebhook.core.testing.SignedPayloads;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

/** Sends deliveries to the running application over real HTTP on 127.0.0.1. */
final class Deliveries {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Deliveries() {
    }

    static HttpResponse<String> post(int port, String path, String secret, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header(SignatureHeaders.CALENDLY, SignedPayloads.sign(secret, body, Instant.now()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
