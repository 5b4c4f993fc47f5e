package io.github.calendlywebhook.core.api;

/** Whether Calendly delivers to a webhook subscription. */
public enum SubscriptionState {
    /** Calendly delivers events (possibly retrying, see {@link WebhookSubscription#retryStartedAt()}). */
    ACTIVE,
    /** Calendly gave up after 24 hours of failed deliveries; the subscription must be recreated. */
    DISABLED,
    /** A state this client does not know; treated as not delivering. */
    UNKNOWN;

    /**
     * Returns the state for a Calendly value.
     *
     * @param value the {@code state} field as sent
     * @return the state, {@link #UNKNOWN} for unknown values
     */
    public static SubscriptionState fromApiValue(String value) {
        if ("active".equals(value)) {
            return ACTIVE;
        }
        return "disabled".equals(value) ? DISABLED : UNKNOWN;
    }
}
