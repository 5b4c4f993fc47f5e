package io.github.calendlywebhook.core.event;

import java.util.Objects;

/**
 * {@code routing_form_submission.created}: a routing form was submitted; counted as a lead.
 *
 * @param metadata the envelope fields
 * @param submission the submission
 */
public record RoutingFormSubmissionCreatedEvent(EventMetadata metadata, RoutingFormSubmission submission)
        implements CalendlyEvent {

    /** The event name Calendly sends. */
    public static final String NAME = "routing_form_submission.created";

    public RoutingFormSubmissionCreatedEvent {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(submission, "submission");
    }

    @Override
    public String idempotencyKey() {
        return name() + "|" + submission.uri();
    }
}
