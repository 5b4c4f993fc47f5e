package io.github.calendlywebhook.core.event;

import java.util.Objects;

/**
 * The body is not a Calendly webhook envelope: not valid UTF-8 JSON, not an object, beyond a parser
 * limit, or without the fields every delivery needs. The processor answers 400. The message is safe to
 * show to the sender: it names the problem, never echoes the body.
 */
public final class MalformedPayloadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The stable machine-readable code of this failure. */
    public static final String CODE = "malformed_payload";

    /**
     * Creates the exception.
     *
     * @param message what is wrong with the body, without quoting it
     */
    public MalformedPayloadException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message what is wrong with the body, without quoting it
     * @param cause the underlying parser failure
     */
    public MalformedPayloadException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Returns what is wrong with the body; never null, as every constructor takes the message. */
    @Override
    public String getMessage() {
        return Objects.requireNonNullElse(super.getMessage(), CODE);
    }

    /** Returns the stable machine-readable code, {@value #CODE}. */
    public String code() {
        return CODE;
    }
}
