package io.github.calendlywebhook.core.api;

import org.jspecify.annotations.Nullable;

/**
 * A Calendly API call failed. Carries a stable machine-readable {@link #code()}, the HTTP status when
 * Calendly answered, and Calendly's own {@code title} and {@code message} when it sent them. Never
 * carries the access token.
 */
public class CalendlyApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Calendly rejected the request (a 4xx other than 401, 403, 404, 409 and 429). */
    public static final String REJECTED = "calendly_request_rejected";
    /** A resource with the same identity already exists (409), for example a subscription with the same URL. */
    public static final String CONFLICT = "calendly_conflict";
    /** Calendly kept answering 429 after every allowed retry. */
    public static final String RATE_LIMITED = "calendly_rate_limited";
    /** Calendly answered 5xx, or could not be reached, after every allowed retry. */
    public static final String UNAVAILABLE = "calendly_unavailable";
    /** Calendly answered something this client cannot read. */
    public static final String BAD_RESPONSE = "calendly_bad_response";
    /** The resource does not exist (404) where its absence is not an expected answer. */
    public static final String NOT_FOUND = "calendly_not_found";

    private final String code;
    private final int status;
    private final @Nullable String title;

    /**
     * Creates the exception.
     *
     * @param code the stable code
     * @param status the HTTP status Calendly answered, or 0 when it did not answer
     * @param title Calendly's error title, if sent
     * @param message a message safe to show and log
     * @param cause the underlying failure, if any
     */
    public CalendlyApiException(String code, int status, @Nullable String title, String message,
            @Nullable Throwable cause) {
        super(message, cause);
        this.code = code;
        this.status = status;
        this.title = title;
    }

    /** Returns the stable machine-readable code. */
    public String code() {
        return code;
    }

    /** Returns the HTTP status Calendly answered, or 0 when it did not answer. */
    public int status() {
        return status;
    }

    /** Returns Calendly's error title, if it sent one. */
    public @Nullable String title() {
        return title;
    }
}
