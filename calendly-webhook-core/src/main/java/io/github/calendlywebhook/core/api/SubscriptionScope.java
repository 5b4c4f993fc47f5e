package io.github.calendlywebhook.core.api;

import java.util.Locale;

/** Whose events a webhook subscription (or a query) covers. */
public enum SubscriptionScope {
    /** Every user of the organization; needs an admin or owner token. */
    ORGANIZATION,
    /** One user. */
    USER,
    /** One group. */
    GROUP;

    /** Returns the value Calendly uses in requests and responses. */
    public String apiValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the scope for a Calendly value.
     *
     * @param value {@code organization}, {@code user} or {@code group}
     * @return the scope
     * @throws IllegalArgumentException for any other value
     */
    public static SubscriptionScope fromApiValue(String value) {
        for (SubscriptionScope scope : values()) {
            if (scope.apiValue().equals(value)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("unknown subscription scope: " + value);
    }
}
