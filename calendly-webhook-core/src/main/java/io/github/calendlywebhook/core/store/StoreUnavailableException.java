package io.github.calendlywebhook.core.store;

/**
 * The store could not make an event durable (database down, pool exhausted, disk full). The processor
 * answers 503 with {@code Retry-After}, so Calendly delivers the event again later.
 */
public final class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The stable machine-readable code of this failure. */
    public static final String CODE = "store_unavailable";

    /**
     * Creates the exception.
     *
     * @param message what failed, without secrets or connection strings with passwords
     * @param cause the underlying failure
     */
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception.
     *
     * @param message what failed
     */
    public StoreUnavailableException(String message) {
        super(message);
    }
}
