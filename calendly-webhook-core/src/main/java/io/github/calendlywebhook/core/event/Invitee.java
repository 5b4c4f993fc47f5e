package io.github.calendlywebhook.core.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The invitee resource carried by {@code invitee.*} and {@code invitee_no_show.*} events.
 *
 * @param uri the invitee URI (v2), or a synthetic {@code uuid:<uuid>} reference for legacy v1 deliveries;
 *     the identity used for idempotency and for the per-invitee state
 * @param name the full name, if sent
 * @param email the e-mail address, if sent
 * @param timezone the invitee's time zone, if sent
 * @param status {@code active} or {@code canceled}, if sent
 * @param createdAt when the invitee booked, if sent
 * @param rescheduled whether this cancellation is half of a reschedule (v2 {@code rescheduled})
 * @param oldInvitee the URI of the invitee this booking replaces, for the create half of a reschedule
 * @param newInvitee the URI of the invitee that replaces this one, for the cancel half of a reschedule
 * @param scheduledEvent the booked meeting
 * @param cancellation cancellation details, when canceled
 * @param payment the payment, when one was collected
 * @param noShow the no-show mark, when set
 * @param tracking tracking parameters
 * @param questionsAndAnswers answers to the booking questions
 */
public record Invitee(
        String uri,
        @Nullable String name,
        @Nullable String email,
        @Nullable String timezone,
        @Nullable String status,
        @Nullable Instant createdAt,
        boolean rescheduled,
        @Nullable String oldInvitee,
        @Nullable String newInvitee,
        ScheduledEvent scheduledEvent,
        @Nullable Cancellation cancellation,
        @Nullable Payment payment,
        @Nullable NoShow noShow,
        Tracking tracking,
        List<QuestionAnswer> questionsAndAnswers) {

    public Invitee {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(scheduledEvent, "scheduledEvent");
        Objects.requireNonNull(tracking, "tracking");
        questionsAndAnswers = List.copyOf(questionsAndAnswers);
    }
}
