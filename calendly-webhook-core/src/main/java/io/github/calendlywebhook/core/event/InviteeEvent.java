package io.github.calendlywebhook.core.event;

/** An event about one invitee: a booking, a cancellation or a no-show mark. */
public sealed interface InviteeEvent extends CalendlyEvent
        permits InviteeCreatedEvent, InviteeCanceledEvent, InviteeNoShowCreatedEvent, InviteeNoShowDeletedEvent {

    /** Returns the invitee the event is about. */
    Invitee invitee();

    @Override
    default String idempotencyKey() {
        return name() + "|" + invitee().uri();
    }
}
