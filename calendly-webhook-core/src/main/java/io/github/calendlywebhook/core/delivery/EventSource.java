package io.github.calendlywebhook.core.delivery;

/** Where an event came from. */
public enum EventSource {
    /** A delivery from Calendly. */
    WEBHOOK,
    /** A signed test delivery (for example the dashboard's Test Webhook button). */
    TEST,
    /** Recovered from the Calendly API after missed deliveries. */
    BACKFILL
}
