package io.github.calendlywebhook.core.event;

/** The envelope shape a delivery arrived in. */
public enum PayloadFormat {
    /** The current envelope: {@code event}, {@code created_at}, {@code created_by}, {@code payload}. */
    V2,
    /** The legacy envelope: {@code event}, {@code time}, {@code payload.{event_type, event, invitee}}. */
    LEGACY_V1
}
