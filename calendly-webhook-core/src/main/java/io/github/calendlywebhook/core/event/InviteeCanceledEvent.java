package io.github.calendlywebhook.core.event;

import java.util.Objects;

/**
 * {@code invitee.canceled}: a booking was canceled, or left by a reschedule ({@link Invitee#rescheduled()} true).
 *
 * @param metadata the envelope fields
 * @param invitee the invitee
 */
public record InviteeCanceledEvent(EventMetadata metadata, Invitee invitee) implements InviteeEvent {

    /** The event name Calendly sends. */
    public static final String NAME = "invitee.canceled";

    public InviteeCanceledEvent {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(invitee, "invitee");
    }
}
