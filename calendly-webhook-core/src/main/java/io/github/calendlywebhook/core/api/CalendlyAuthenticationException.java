package io.github.calendlywebhook.core.api;

import org.jspecify.annotations.Nullable;

/**
 * Calendly refused the access token: it is invalid, expired or revoked (401), or lacks a scope or
 * permission the call needs (403). This is a configuration error: retrying will not help. The message
 * says what to fix and never contains the token.
 */
public final class CalendlyAuthenticationException extends CalendlyApiException {

    private static final long serialVersionUID = 1L;

    /** The token is invalid, expired or revoked (401). */
    public static final String INVALID_TOKEN = "calendly_invalid_token";
    /** The token is valid but lacks a scope or permission for the call (403). */
    public static final String INSUFFICIENT_SCOPE = "calendly_insufficient_scope";

    /**
     * Creates the exception.
     *
     * @param status 401 or 403
     * @param title Calendly's error title, if sent
     * @param detail Calendly's error message, if sent
     */
    public CalendlyAuthenticationException(int status, @Nullable String title, @Nullable String detail) {
        super(status == 401 ? INVALID_TOKEN : INSUFFICIENT_SCOPE, status, title, message(status, detail), null);
    }

    private static String message(int status, @Nullable String detail) {
        String base = status == 401
                ? "Calendly rejected the API token (401): check CALENDLY_API_TOKEN, it is invalid, expired or revoked"
                : "The Calendly API token lacks a permission or scope for this call (403): use a token of a user "
                        + "with the needed role, or grant the scope";
        return detail == null || detail.isBlank() ? base : base + "; Calendly says: " + detail;
    }
}
