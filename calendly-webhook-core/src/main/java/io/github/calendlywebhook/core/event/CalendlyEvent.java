package io.github.calendlywebhook.core.event;

/**
 * A Calendly webhook event, parsed from either envelope shape.
 *
 * <p>Calendly sends no delivery id, so {@link #idempotencyKey()} is derived from the body: the event
 * name plus the URI of the resource the event is about. Two deliveries of the same event have the same
 * key; different events never share one.
 */
public sealed interface CalendlyEvent
        permits InviteeEvent, RoutingFormSubmissionCreatedEvent, UnknownEvent {

    /** Returns the envelope fields. */
    EventMetadata metadata();

    /** Returns the event name, for example {@code invitee.created}. */
    default String name() {
        return metadata().name();
    }

    /** Returns the key that identifies this event across repeated deliveries. */
    String idempotencyKey();
}
