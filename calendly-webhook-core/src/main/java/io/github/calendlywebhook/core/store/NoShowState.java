package io.github.calendlywebhook.core.store;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What is known about one no-show mark: it counts while created and not deleted, on the day and event
 * type of its creation.
 */
record NoShowState(String uri, String inviteeUri, boolean created, boolean deleted, @Nullable LocalDate day,
        @Nullable String eventTypeKey, boolean test) {

    NoShowState {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(inviteeUri, "inviteeUri");
        if (created && (day == null || eventTypeKey == null)) {
            throw new IllegalArgumentException("a created no-show needs its day and event type");
        }
    }

    static NoShowState absent(String uri, String inviteeUri) {
        return new NoShowState(uri, inviteeUri, false, false, null, null, false);
    }

    boolean counted() {
        return created && !deleted;
    }
}
