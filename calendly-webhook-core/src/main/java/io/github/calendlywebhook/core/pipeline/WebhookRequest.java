package io.github.calendlywebhook.core.pipeline;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request as an adapter hands it to the processor.
 *
 * @param method the HTTP method
 * @param headers the headers; names are matched case-insensitively
 * @param remoteAddress the address of the connecting peer (the socket, not a forwarding header)
 * @param body the raw body, read at most up to the configured limit
 * @param contentLength the declared {@code Content-Length}, or -1 when unknown (chunked)
 */
public record WebhookRequest(String method, Map<String, List<String>> headers, String remoteAddress, InputStream body,
        long contentLength) {

    public WebhookRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(body, "body");
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.merge(name, List.copyOf(values), (a, b) -> {
            var merged = new java.util.ArrayList<>(a);
            merged.addAll(b);
            return List.copyOf(merged);
        }));
        headers = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * Returns a POST request with the body in memory; convenient for tests and in-process callers.
     *
     * @param headers the headers
     * @param remoteAddress the peer address
     * @param body the raw body
     * @return the request
     */
    public static WebhookRequest post(Map<String, List<String>> headers, String remoteAddress, byte[] body) {
        return new WebhookRequest("POST", headers, remoteAddress, new ByteArrayInputStream(body), body.length);
    }

    /**
     * Returns the first value of a header, or {@code null}.
     *
     * @param name the header name, in any case
     * @return the first value, or {@code null} when absent
     */
    public @Nullable String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * Returns every value of a header, in order.
     *
     * @param name the header name, in any case
     * @return the values, empty when absent
     */
    public List<String> headers(String name) {
        return headers.getOrDefault(name, List.of());
    }
}
