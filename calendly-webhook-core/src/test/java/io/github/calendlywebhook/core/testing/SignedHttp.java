package io.github.calendlywebhook.core.testing;

import io.github.calendlywebhook.core.signature.SignatureHeaders;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

/** Sends a delivery signed now, as Calendly does, to a running endpoint over real HTTP. */
public final class SignedHttp {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private SignedHttp() {
    }

    /**
     * Posts the body as JSON with a {@code Calendly-Webhook-Signature} made with the secret.
     *
     * @param uri the endpoint
     * @param secret the signing key
     * @param body the body
     * @return the response, its body as text
     * @throws IOException when the request fails
     * @throws InterruptedException when interrupted while waiting
     */
    public static HttpResponse<String> post(URI uri, String secret, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header(SignatureHeaders.CALENDLY, SignedPayloads.sign(secret, body, Instant.now()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
