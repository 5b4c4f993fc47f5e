package io.github.calendlywebhook.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A webhook delivery as Calendly sends it: a JSON body, signed with the subscription's signing key at
 * a chosen time (now by default), posted to a running application over real HTTP or turned into
 * headers for an in-process request. A mutable builder, not thread-safe; every use signs anew.
 *
 * <pre>{@code
 * HttpResponse<String> response = SignedDelivery.of(SignedPayloads.inviteeCreated())
 *         .secret("my-signing-key")
 *         .postTo(URI.create("http://127.0.0.1:8080/api/webhooks/calendly"));
 * }</pre>
 */
public final class SignedDelivery {

    /** The header Calendly signs current deliveries with. */
    public static final String SIGNATURE_HEADER = "Calendly-Webhook-Signature";
    /** The header name of the setup guide's examples, with the same value format. */
    public static final String LEGACY_SIGNATURE_HEADER = "X-Calendly-Signature";

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final byte[] body;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private @Nullable String secret;
    private @Nullable Instant signedAt;
    private String signatureHeader = SIGNATURE_HEADER;

    private SignedDelivery(byte[] body) {
        this.body = body.clone();
        headers.put("Content-Type", "application/json");
    }

    /**
     * Starts a delivery of the body, for example one of {@link SignedPayloads}.
     *
     * @param body the exact body bytes
     * @return the builder, unsigned until {@link #secret(String)} is called
     */
    public static SignedDelivery of(byte[] body) {
        return new SignedDelivery(Objects.requireNonNull(body, "body"));
    }

    /**
     * Signs the delivery with the signing key; without one, no signature header is sent.
     *
     * @param signingKey the webhook signing key
     * @return this builder
     */
    public SignedDelivery secret(String signingKey) {
        this.secret = Objects.requireNonNull(signingKey, "signingKey");
        return this;
    }

    /**
     * Signs with this timestamp instead of the time of sending, for example to test the tolerance.
     *
     * @param timestamp the signing time
     * @return this builder
     */
    public SignedDelivery signedAt(Instant timestamp) {
        this.signedAt = Objects.requireNonNull(timestamp, "timestamp");
        return this;
    }

    /**
     * Sends the signature under {@value #LEGACY_SIGNATURE_HEADER}, as the setup guide's examples do.
     *
     * @return this builder
     */
    public SignedDelivery legacyHeader() {
        this.signatureHeader = LEGACY_SIGNATURE_HEADER;
        return this;
    }

    /**
     * Sets a header, replacing one of the same name ({@code Content-Type} is {@code application/json}
     * unless replaced).
     *
     * @param name the header name
     * @param value the value
     * @return this builder
     */
    public SignedDelivery header(String name, String value) {
        headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Names the client in {@code X-Forwarded-For}, as a reverse proxy in front of the application does.
     *
     * @param clientAddress the address of the original client
     * @return this builder
     */
    public SignedDelivery forwardedFor(String clientAddress) {
        return header("X-Forwarded-For", clientAddress);
    }

    /**
     * Returns the headers to send, with a signature made now (or at {@link #signedAt(Instant)}), one
     * value each, in the shape core's {@code WebhookRequest.post} takes for an in-process request.
     *
     * @return the headers by name, in the order set
     */
    public Map<String, List<String>> headers() {
        Map<String, List<String>> all = new LinkedHashMap<>();
        headers.forEach((name, value) -> all.put(name, List.of(value)));
        if (secret != null) {
            Instant at = signedAt != null ? signedAt : Instant.now();
            all.put(signatureHeader, List.of(SignedPayloads.sign(secret, body, at)));
        }
        return all;
    }

    /**
     * Posts the delivery to a running endpoint and waits for the answer.
     *
     * @param endpoint the webhook URL, for example {@code http://127.0.0.1:8080/api/webhooks/calendly}
     * @return the response, its body as UTF-8 text
     * @throws IOException when the request fails
     * @throws InterruptedException when interrupted while waiting
     */
    public HttpResponse<String> postTo(URI endpoint) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers().forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
