package io.github.calendlywebhook.test;

import java.util.List;
import java.util.Map;

/**
 * One HTTP/1.1 request written byte for byte: any method, header list (duplicates kept, nothing added
 * but {@code Host} and {@code Connection}), raw body, and how the body is framed.
 *
 * @param method the request method
 * @param headers header name and value pairs, in order
 * @param body the body bytes
 * @param framing how the body length is told
 * @param declaredLength the length announced by {@link Framing#DECLARED_ONLY}
 */
public record RawRequest(String method, List<Map.Entry<String, String>> headers, byte[] body, Framing framing,
        long declaredLength) {

    /** How the body length reaches the server. */
    public enum Framing {
        /** {@code Content-Length} equal to the body. */
        LENGTH,
        /** {@code Transfer-Encoding: chunked}, 8 KiB chunks. */
        CHUNKED,
        /** A {@code Content-Length} of {@code declaredLength} and no body at all. */
        DECLARED_ONLY
    }

    /** Copies the header list and body. */
    public RawRequest {
        headers = List.copyOf(headers);
        body = body.clone();
    }

    /** Returns a POST with a {@code Content-Length}. */
    public static RawRequest post(List<Map.Entry<String, String>> headers, byte[] body) {
        return new RawRequest("POST", headers, body, Framing.LENGTH, body.length);
    }

    /** Returns the same request framed differently. */
    public RawRequest framed(Framing newFraming, long newDeclaredLength) {
        return new RawRequest(method, headers, body, newFraming, newDeclaredLength);
    }

    /** Returns the same request with another method. */
    public RawRequest withMethod(String newMethod) {
        return new RawRequest(newMethod, headers, body, framing, declaredLength);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
