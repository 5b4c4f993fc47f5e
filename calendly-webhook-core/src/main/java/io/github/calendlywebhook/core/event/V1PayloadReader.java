package io.github.calendlywebhook.core.event;

import static io.github.calendlywebhook.core.event.JsonFields.instant;
import static io.github.calendlywebhook.core.event.JsonFields.integer;
import static io.github.calendlywebhook.core.event.JsonFields.isTrue;
import static io.github.calendlywebhook.core.event.JsonFields.nonBlankText;
import static io.github.calendlywebhook.core.event.JsonFields.object;
import static io.github.calendlywebhook.core.event.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Reads the legacy envelope of the setup guide: {@code payload.event_type}, {@code payload.event} (the
 * meeting) and {@code payload.invitee}. Resources are identified by {@code uuid}, turned into
 * {@code uuid:<uuid>} references; v1 knows no reschedule link, so {@code rescheduled} is false.
 */
final class V1PayloadReader {

    private V1PayloadReader() {
    }

    /** Returns whether a payload has the legacy shape: an {@code invitee} object rather than a URI. */
    static boolean matches(JsonNode payload) {
        return object(payload, "invitee") != null;
    }

    static CalendlyEvent read(EventMetadata metadata, JsonNode payload, byte[] body) {
        JsonNode inviteeNode = object(payload, "invitee");
        switch (metadata.name()) {
            case InviteeCreatedEvent.NAME:
                return new InviteeCreatedEvent(metadata, invitee(payload, inviteeNode, false));
            case InviteeCanceledEvent.NAME:
                return new InviteeCanceledEvent(metadata, invitee(payload, inviteeNode, true));
            default:
                String uuid = nonBlankText(inviteeNode, "uuid");
                return new UnknownEvent(metadata, uuid == null ? nonBlankText(inviteeNode, "uri") : "uuid:" + uuid,
                        new String(body, StandardCharsets.UTF_8));
        }
    }

    private static Invitee invitee(JsonNode payload, @Nullable JsonNode inv, boolean canceledEvent) {
        JsonNode meeting = object(payload, "event");
        boolean canceled = canceledEvent || isTrue(inv, "canceled");
        return new Invitee(identity(inv), inv == null ? null : Fragments.personName(inv), text(inv, "email"),
                text(inv, "timezone"), canceled ? "canceled" : "active", instant(inv, "created_at"), false, null,
                null, scheduledEvent(payload, meeting), canceled ? cancellation(inv, meeting) : null, null, null,
                Fragments.tracking(payload), Fragments.questionsAndAnswers(payload));
    }

    private static String identity(@Nullable JsonNode inv) {
        String uuid = nonBlankText(inv, "uuid");
        if (uuid != null) {
            return "uuid:" + uuid;
        }
        String uri = nonBlankText(inv, "uri");
        if (uri != null) {
            return uri;
        }
        throw new MalformedPayloadException("payload.invitee has no identity: 'uuid' or 'uri' is required");
    }

    private static ScheduledEvent scheduledEvent(JsonNode payload, @Nullable JsonNode meeting) {
        JsonNode type = object(payload, "event_type");
        String typeName = text(type, "name");
        String key = nonBlankText(type, "uuid");
        if (key == null) {
            key = nonBlankText(type, "slug");
        }
        if (key == null) {
            key = typeName == null || typeName.isBlank() ? EventTypeRef.UNKNOWN_KEY : typeName;
        }
        EventTypeRef eventType = new EventTypeRef(key, typeName, text(type, "slug"), text(type, "kind"),
                integer(type, "duration"));
        String uuid = nonBlankText(meeting, "uuid");
        String status = meeting == null || !meeting.path("canceled").isBoolean() ? null
                : isTrue(meeting, "canceled") ? "canceled" : "active";
        return new ScheduledEvent(uuid == null ? null : "uuid:" + uuid, typeName, status,
                instant(meeting, "start_time"), instant(meeting, "end_time"), eventType, text(meeting, "location"));
    }

    private static Cancellation cancellation(@Nullable JsonNode inv, @Nullable JsonNode meeting) {
        String canceler = first(text(inv, "canceler_name"), text(meeting, "canceler_name"));
        String reason = first(text(inv, "cancel_reason"), text(meeting, "cancel_reason"));
        Instant at = instant(inv, "canceled_at");
        return new Cancellation(canceler, reason, null, at != null ? at : instant(meeting, "canceled_at"));
    }

    private static @Nullable String first(@Nullable String a, @Nullable String b) {
        return a != null ? a : b;
    }
}
