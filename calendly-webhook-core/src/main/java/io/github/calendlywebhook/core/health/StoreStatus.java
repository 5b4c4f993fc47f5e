package io.github.calendlywebhook.core.health;

/** Whether the event store can make deliveries durable, as delivery health reports it. */
public enum StoreStatus {
    /** The store answers (and, for a database, its tables exist). */
    REACHABLE("reachable"),
    /** The last attempt to store an event failed and no delivery has been stored since. */
    FAILING("unavailable"),
    /** The database cannot be reached. */
    UNREACHABLE("unreachable"),
    /** The database answers but the webhook tables do not exist. */
    TABLES_MISSING("tables missing");

    private final String text;

    StoreStatus(String text) {
        this.text = text;
    }

    /** Returns the text health endpoints show, for example {@code tables missing}. */
    public String text() {
        return text;
    }

    /** Returns whether deliveries can be stored, so Calendly's deliveries are acknowledged. */
    public boolean usable() {
        return this == REACHABLE;
    }
}
