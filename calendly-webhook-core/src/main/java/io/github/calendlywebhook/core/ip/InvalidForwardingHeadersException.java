package io.github.calendlywebhook.core.ip;

/**
 * Thrown when a trusted proxy forwards a request whose forwarding headers cannot name its client: a hop
 * that has to be read is unreadable (garbage, {@code unknown}, an obfuscated identifier), or
 * {@code Forwarded} and {@code X-Forwarded-For} name different clients. Such a request is refused; it is
 * never attributed to the proxy. The message names the header, never its value.
 */
public final class InvalidForwardingHeadersException extends RuntimeException {

    /** The stable machine-readable code of this failure. */
    public static final String CODE = "forwarding_headers_invalid";

    private static final long serialVersionUID = 1L;

    InvalidForwardingHeadersException(String message) {
        super(message, null, false, false);
    }

    /**
     * Returns the stable machine-readable code, {@value #CODE}.
     *
     * @return the code
     */
    public String code() {
        return CODE;
    }
}
