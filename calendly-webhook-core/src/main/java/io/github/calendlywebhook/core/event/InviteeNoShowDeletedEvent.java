package io.github.calendlywebhook.core.event;

import java.util.Objects;

/**
 * {@code invitee_no_show.deleted}: the host removed a no-show mark.
 *
 * @param metadata the envelope fields
 * @param invitee the invitee
 * @param noShow the no-show mark; its URI identifies the event
 */
public record InviteeNoShowDeletedEvent(EventMetadata metadata, Invitee invitee, NoShow noShow) implements InviteeEvent {

    /** The event name Calendly sends. */
    public static final String NAME = "invitee_no_show.deleted";

    public InviteeNoShowDeletedEvent {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(invitee, "invitee");
        Objects.requireNonNull(noShow, "noShow");
    }

    @Override
    public String idempotencyKey() {
        return name() + "|" + noShow.uri();
    }
}
