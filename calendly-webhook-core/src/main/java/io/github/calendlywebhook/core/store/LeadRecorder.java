package io.github.calendlywebhook.core.store;

import java.time.Instant;

/**
 * Records leads that reach the application by other means than a routing form (a contact form, a
 * landing page), so that the consultation booking rate has a denominator.
 */
@FunctionalInterface
public interface LeadRecorder {

    /**
     * Records a lead once: a second call with the same id changes nothing.
     *
     * @param leadId the caller's id for the lead, not blank
     * @param occurredAt when the lead arrived; decides the day it counts for
     * @param test whether this is a test lead, kept out of business numbers by default
     * @return {@code true} when the lead was new
     * @throws io.github.calendlywebhook.core.store.StoreUnavailableException when it cannot be recorded
     */
    boolean recordLead(String leadId, Instant occurredAt, boolean test);
}
