package io.github.calendlywebhook.core.event;

import java.util.Objects;

/**
 * {@code invitee_no_show.created}: the host marked the invitee as a no-show.
 *
 * @param metadata the envelope fields
 * @param invitee the invitee
 * @param noShow the no-show mark; its URI identifies the event
 */
public record InviteeNoShowCreatedEvent(EventMetadata metadata, Invitee invitee, NoShow noShow) implements InviteeEvent {

    /** The event name Calendly sends. */
    public static final String NAME = "invitee_no_show.created";

    public InviteeNoShowCreatedEvent {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(invitee, "invitee");
        Objects.requireNonNull(noShow, "noShow");
    }

    @Override
    public String idempotencyKey() {
        return name() + "|" + noShow.uri();
    }
}
