package io.github.calendlywebhook.core.delivery;

/**
 * What happened to one delivery, with the HTTP status it was answered with and a stable
 * machine-readable code (used in JSON error bodies, audit entries and metric tags).
 */
public enum Outcome {
    /** Stored for the first time. */
    ACCEPTED(200, "accepted"),
    /** Already stored earlier; acknowledged, not counted again. */
    DUPLICATE(200, "duplicate"),
    /** Not a POST. */
    METHOD_NOT_ALLOWED(405, "method_not_allowed"),
    /** The client address is outside the allowlist. */
    FORBIDDEN(403, "forbidden"),
    /**
     * A trusted proxy forwarded the request with forwarding headers that disagree or cannot be read, so
     * its client is unknown.
     */
    FORWARDING_HEADERS_INVALID(403, "forwarding_headers_invalid"),
    /** The client address exceeded its rate limit. */
    RATE_LIMITED(429, "rate_limited"),
    /** The body exceeds the configured maximum size. */
    PAYLOAD_TOO_LARGE(413, "payload_too_large"),
    /** The content type is not JSON. */
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type"),
    /** The signature is missing, malformed, wrong or outside the tolerance. */
    INVALID_SIGNATURE(401, "invalid_signature"),
    /** The body is not a Calendly envelope. */
    MALFORMED_PAYLOAD(400, "malformed_payload"),
    /** The store could not make the event durable; Calendly will retry. */
    STORE_UNAVAILABLE(503, "store_unavailable");

    private final int status;
    private final String code;

    Outcome(int status, String code) {
        this.status = status;
        this.code = code;
    }

    /** Returns the HTTP status this outcome is answered with. */
    public int status() {
        return status;
    }

    /** Returns the stable machine-readable code. */
    public String code() {
        return code;
    }

    /** Returns whether the delivery was acknowledged with a 2xx. */
    public boolean acknowledged() {
        return status >= 200 && status < 300;
    }
}
