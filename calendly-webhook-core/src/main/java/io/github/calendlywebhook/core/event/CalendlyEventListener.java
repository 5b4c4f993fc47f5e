package io.github.calendlywebhook.core.event;

/**
 * Receives events after they are stored durably. Every method has an empty default, so an
 * implementation overrides only the kinds it cares about.
 *
 * <p>Listeners run for stored events, never for a duplicate delivery, and at least once: however it is
 * registered (the processor builder's {@code listener}, a
 * {@code io.github.calendlywebhook.core.publication.ListenerDispatcher}, or a bean of a framework adapter),
 * a listener that throws is called again with back-off until it returns, and after a restart when its
 * publications are kept in the database. An exception it throws is logged and counted; it changes neither
 * the response sent to Calendly nor the stored event. Override
 * {@link #onEvent(CalendlyEvent, ListenerContext)} to learn the attempt and the event's stable id, and make
 * the side effect idempotent with it.
 */
public interface CalendlyEventListener {

    /** Called for {@code invitee.created}. */
    default void onInviteeCreated(InviteeCreatedEvent event) {
    }

    /** Called for {@code invitee.canceled}. */
    default void onInviteeCanceled(InviteeCanceledEvent event) {
    }

    /** Called for {@code invitee_no_show.created}. */
    default void onInviteeNoShowCreated(InviteeNoShowCreatedEvent event) {
    }

    /** Called for {@code invitee_no_show.deleted}. */
    default void onInviteeNoShowDeleted(InviteeNoShowDeletedEvent event) {
    }

    /** Called for {@code routing_form_submission.created}. */
    default void onRoutingFormSubmissionCreated(RoutingFormSubmissionCreatedEvent event) {
    }

    /** Called for event kinds without a model. */
    default void onUnknownEvent(UnknownEvent event) {
    }

    /**
     * Receives an event with the facts of this call; by default forgets the context and calls
     * {@link #onEvent(CalendlyEvent)}, so listeners written before the context existed behave as before.
     *
     * @param event the stored event
     * @param context the listener id, the attempt and the event's stable id
     */
    default void onEvent(CalendlyEvent event, ListenerContext context) {
        onEvent(event);
    }

    /**
     * Dispatches an event to the method for its kind; override to receive every event in one place.
     *
     * @param event the stored event
     */
    default void onEvent(CalendlyEvent event) {
        if (event instanceof InviteeCreatedEvent e) {
            onInviteeCreated(e);
        } else if (event instanceof InviteeCanceledEvent e) {
            onInviteeCanceled(e);
        } else if (event instanceof InviteeNoShowCreatedEvent e) {
            onInviteeNoShowCreated(e);
        } else if (event instanceof InviteeNoShowDeletedEvent e) {
            onInviteeNoShowDeleted(e);
        } else if (event instanceof RoutingFormSubmissionCreatedEvent e) {
            onRoutingFormSubmissionCreated(e);
        } else if (event instanceof UnknownEvent e) {
            onUnknownEvent(e);
        }
    }
}
