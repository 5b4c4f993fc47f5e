package io.github.calendlywebhook.core.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * The answer the processor decided on; adapters copy it to their HTTP response as is.
 *
 * @param status the HTTP status
 * @param headers headers to set (for example {@code Retry-After}); {@code Content-Type} is always JSON
 * @param body the JSON body, UTF-8
 */
public record WebhookResponse(int status, Map<String, String> headers, String body) {

    /** The content type of every response body. */
    public static final String CONTENT_TYPE = "application/json";

    public WebhookResponse {
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
    }

    /** Returns the body as UTF-8 bytes. */
    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
