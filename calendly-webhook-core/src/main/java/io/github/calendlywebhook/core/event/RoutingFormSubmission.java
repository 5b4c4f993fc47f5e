package io.github.calendlywebhook.core.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A routing form submission: a lead, whether or not it led to a booking.
 *
 * @param uri the submission URI
 * @param routingForm the routing form URI, if sent
 * @param submitter the URI of the invitee the submission led to, if any
 * @param createdAt when it was submitted, if sent
 * @param tracking tracking parameters
 * @param questionsAndAnswers the answers
 */
public record RoutingFormSubmission(String uri, @Nullable String routingForm, @Nullable String submitter,
        @Nullable Instant createdAt, Tracking tracking, List<QuestionAnswer> questionsAndAnswers) {

    public RoutingFormSubmission {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(tracking, "tracking");
        questionsAndAnswers = List.copyOf(questionsAndAnswers);
    }
}
