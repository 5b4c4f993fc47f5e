package io.github.calendlywebhook.core.api.health;

/** A way webhook delivery can be unhealthy, with what an alert says about it. */
public enum HealthIssue {
    /** Calendly disabled the subscription after 24 hours of failed deliveries; nothing is delivered. */
    SUBSCRIPTION_DISABLED("the Calendly webhook subscription is disabled: nothing is delivered; "
            + "register the webhook again and run a backfill"),
    /** Calendly is retrying failed deliveries and disables the subscription if that lasts 24 hours. */
    SUBSCRIPTION_RETRYING("Calendly is retrying failed webhook deliveries; the subscription is disabled "
            + "if deliveries keep failing for 24 hours"),
    /** Many deliveries failed signature verification. */
    SIGNATURE_FAILURES("a burst of deliveries failed signature verification: check that the webhook "
            + "secret matches the subscription's signing key"),
    /** Many deliveries came from addresses outside the allowlist. */
    FORBIDDEN_REQUESTS("a burst of deliveries was refused by the IP allowlist (403)"),
    /** Many deliveries were rate limited. */
    RATE_LIMITED_REQUESTS("a burst of deliveries was rate limited (429); Calendly delays them"),
    /** The store could not make deliveries durable; Calendly is told to retry (503). */
    STORE_ERRORS("the event store is failing: deliveries are answered 503 and Calendly retries them");

    private final String description;

    HealthIssue(String description) {
        this.description = description;
    }

    /** Returns what the issue means, in a sentence fit for an alert. */
    public String description() {
        return description;
    }
}
