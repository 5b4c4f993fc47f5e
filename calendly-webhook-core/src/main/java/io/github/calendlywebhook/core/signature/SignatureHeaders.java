package io.github.calendlywebhook.core.signature;

/** Names of the HTTP headers that carry a webhook signature. */
public final class SignatureHeaders {

    /** The header Calendly sends: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>}. */
    public static final String CALENDLY = "Calendly-Webhook-Signature";

    /** The header name used by the setup guide; accepted with the same value format. */
    public static final String LEGACY = "X-Calendly-Signature";

    private SignatureHeaders() {
    }
}
