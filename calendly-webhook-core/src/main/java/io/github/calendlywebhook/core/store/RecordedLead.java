package io.github.calendlywebhook.core.store;

import java.time.Instant;
import java.util.Objects;

/** A lead recorded through the application. */
record RecordedLead(String leadId, Instant occurredAt, boolean test) {

    RecordedLead {
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (leadId.isBlank()) {
            throw new IllegalArgumentException("lead id must not be blank");
        }
    }
}
