package io.github.calendlywebhook.core.event;

import java.util.Objects;

/**
 * {@code invitee.created}: someone booked, or booked the new slot of a reschedule ({@link Invitee#oldInvitee()} set).
 *
 * @param metadata the envelope fields
 * @param invitee the invitee
 */
public record InviteeCreatedEvent(EventMetadata metadata, Invitee invitee) implements InviteeEvent {

    /** The event name Calendly sends. */
    public static final String NAME = "invitee.created";

    public InviteeCreatedEvent {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(invitee, "invitee");
    }
}
