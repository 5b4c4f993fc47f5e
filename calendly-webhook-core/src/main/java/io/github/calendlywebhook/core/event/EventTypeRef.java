package io.github.calendlywebhook.core.event;

import org.jspecify.annotations.Nullable;

/**
 * The event type (the bookable "Consultation" page) a booking belongs to.
 *
 * @param key a stable identifier: the event type URI in v2, {@code uuid} in v1, else the slug or name
 * @param name the display name, if known
 * @param slug the URL slug, if known (v1)
 * @param kind the kind, for example {@code One-on-One} (v1), if known
 * @param durationMinutes the duration in minutes, if known
 */
public record EventTypeRef(String key, @Nullable String name, @Nullable String slug, @Nullable String kind,
        @Nullable Integer durationMinutes) {

    /** A placeholder for deliveries that name no event type. */
    public static final String UNKNOWN_KEY = "unknown";

    public EventTypeRef {
        java.util.Objects.requireNonNull(key, "key");
    }
}
