package io.github.calendlywebhook.core.signature;

import java.util.Objects;

/**
 * Thrown when a delivery's signature cannot be verified. The message is safe to return to the caller:
 * it never contains a secret or the received signature. No stack trace is captured, so a flood of
 * forged deliveries stays cheap to reject.
 */
public final class SignatureVerificationException extends RuntimeException {

    /** The machine-readable error code of every signature failure. */
    public static final String CODE = "invalid_signature";

    /** Why verification failed. */
    public enum Reason {
        /** No signature header, or an empty one. */
        MISSING,
        /** The header is present but has no usable timestamp or signature. */
        MALFORMED,
        /** The timestamp is older, or further in the future, than the tolerance allows. */
        TIMESTAMP_OUT_OF_TOLERANCE,
        /** No signature in the header matches the body under any accepted secret. */
        MISMATCH
    }

    /** Why verification failed. */
    private final Reason reason;

    /**
     * Creates an exception.
     *
     * @param reason why verification failed
     * @param message a message safe to show to the caller
     */
    public SignatureVerificationException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Returns why verification failed.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * Returns the machine-readable error code.
     *
     * @return always {@value #CODE}
     */
    public String code() {
        return CODE;
    }
}
