package io.github.calendlywebhook.core.event;

import static io.github.calendlywebhook.core.event.JsonFields.instant;
import static io.github.calendlywebhook.core.event.JsonFields.integer;
import static io.github.calendlywebhook.core.event.JsonFields.isTrue;
import static io.github.calendlywebhook.core.event.JsonFields.money;
import static io.github.calendlywebhook.core.event.JsonFields.nonBlankText;
import static io.github.calendlywebhook.core.event.JsonFields.object;
import static io.github.calendlywebhook.core.event.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the current envelope, whose {@code payload} is the resource itself: the invitee for
 * {@code invitee.*} and {@code invitee_no_show.*}, the submission for {@code routing_form_submission.created}.
 */
final class V2PayloadReader {

    private V2PayloadReader() {
    }

    static CalendlyEvent read(EventMetadata metadata, JsonNode payload, byte[] body) {
        switch (metadata.name()) {
            case InviteeCreatedEvent.NAME:
                return new InviteeCreatedEvent(metadata, invitee(payload));
            case InviteeCanceledEvent.NAME:
                return new InviteeCanceledEvent(metadata, invitee(payload));
            case InviteeNoShowCreatedEvent.NAME: {
                Invitee invitee = noShowInvitee(metadata, payload);
                return new InviteeNoShowCreatedEvent(metadata, invitee, requireNoShow(invitee));
            }
            case InviteeNoShowDeletedEvent.NAME: {
                Invitee invitee = noShowInvitee(metadata, payload);
                return new InviteeNoShowDeletedEvent(metadata, invitee, requireNoShow(invitee));
            }
            case RoutingFormSubmissionCreatedEvent.NAME:
                return new RoutingFormSubmissionCreatedEvent(metadata, submission(payload));
            default:
                return new UnknownEvent(metadata, nonBlankText(payload, "uri"), new String(body, StandardCharsets.UTF_8));
        }
    }

    static Invitee invitee(JsonNode payload) {
        return invitee(payload, identity(payload, "invitee"), null);
    }

    private static Invitee invitee(JsonNode p, String uri, @Nullable NoShow noShowOverride) {
        NoShow noShow = noShowOverride != null ? noShowOverride : noShow(object(p, "no_show"));
        return new Invitee(uri, Fragments.personName(p), text(p, "email"), text(p, "timezone"), text(p, "status"),
                instant(p, "created_at"), isTrue(p, "rescheduled"), nonBlankText(p, "old_invitee"),
                nonBlankText(p, "new_invitee"), scheduledEvent(object(p, "scheduled_event")),
                cancellation(object(p, "cancellation")), payment(object(p, "payment")), noShow,
                Fragments.tracking(p), Fragments.questionsAndAnswers(p));
    }

    /**
     * Reads a no-show payload: normally the invitee with {@code no_show} set; also the no-show resource
     * itself ({@code uri}, {@code invitee} URI, {@code created_at}). When the invitee carries no
     * {@code no_show} (a deleted mark), the mark is identified by the invitee and the envelope time.
     */
    private static Invitee noShowInvitee(EventMetadata metadata, JsonNode p) {
        String inviteeRef = nonBlankText(p, "invitee");
        if (inviteeRef != null) {
            NoShow noShow = new NoShow(identity(p, "no-show"), instant(p, "created_at"));
            return new Invitee(inviteeRef, null, null, null, null, null, false, null, null,
                    scheduledEvent(null), null, null, noShow, Tracking.NONE, List.of());
        }
        String uri = identity(p, "invitee");
        NoShow noShow = noShow(object(p, "no_show"));
        if (noShow == null) {
            String suffix = metadata.createdAt() == null ? "" : "@" + metadata.createdAt();
            noShow = new NoShow(uri + "#no_show" + suffix, metadata.createdAt());
        }
        return invitee(p, uri, noShow);
    }

    private static NoShow requireNoShow(Invitee invitee) {
        NoShow noShow = invitee.noShow();
        if (noShow == null) {
            throw new IllegalStateException("no-show invitee without a no-show mark");
        }
        return noShow;
    }

    private static RoutingFormSubmission submission(JsonNode p) {
        return new RoutingFormSubmission(identity(p, "routing form submission"), nonBlankText(p, "routing_form"),
                nonBlankText(p, "submitter"), instant(p, "created_at"), Fragments.tracking(p),
                Fragments.questionsAndAnswers(p));
    }

    private static String identity(JsonNode p, String what) {
        String uri = nonBlankText(p, "uri");
        if (uri != null) {
            return uri;
        }
        String uuid = nonBlankText(p, "uuid");
        if (uuid != null) {
            return "uuid:" + uuid;
        }
        throw new MalformedPayloadException("payload has no " + what + " identity: 'uri' or 'uuid' is required");
    }

    static ScheduledEvent scheduledEvent(@Nullable JsonNode se) {
        return new ScheduledEvent(nonBlankText(se, "uri"), text(se, "name"), text(se, "status"),
                instant(se, "start_time"), instant(se, "end_time"), eventType(se), location(se));
    }

    private static EventTypeRef eventType(@Nullable JsonNode se) {
        String name = text(se, "name");
        String uri = nonBlankText(se, "event_type");
        if (uri != null) {
            return new EventTypeRef(uri, name, null, null, null);
        }
        JsonNode type = object(se, "event_type");
        String key = firstNonNull(nonBlankText(type, "uri"), nonBlankText(type, "uuid"), nonBlankText(type, "slug"),
                nonBlankText(type, "name"), name == null || name.isBlank() ? null : name);
        return new EventTypeRef(key == null ? EventTypeRef.UNKNOWN_KEY : key,
                type != null && text(type, "name") != null ? text(type, "name") : name,
                text(type, "slug"), text(type, "kind"), integer(type, "duration"));
    }

    private static @Nullable String location(@Nullable JsonNode se) {
        String plain = text(se, "location");
        if (plain != null) {
            return plain;
        }
        JsonNode location = object(se, "location");
        return firstNonNull(nonBlankText(location, "location"), nonBlankText(location, "join_url"),
                nonBlankText(location, "type"));
    }

    private static @Nullable Cancellation cancellation(@Nullable JsonNode c) {
        return c == null ? null
                : new Cancellation(text(c, "canceled_by"), text(c, "reason"), text(c, "canceler_type"),
                        instant(c, "created_at"));
    }

    private static @Nullable Payment payment(@Nullable JsonNode p) {
        BigDecimal amount = money(p, "amount");
        return p == null || amount == null ? null
                : new Payment(text(p, "external_id"), text(p, "provider"), amount, text(p, "currency"),
                        isTrue(p, "successful"));
    }

    private static @Nullable NoShow noShow(@Nullable JsonNode n) {
        String uri = nonBlankText(n, "uri");
        return uri == null ? null : new NoShow(uri, instant(n, "created_at"));
    }

    @SafeVarargs
    private static <T> @Nullable T firstNonNull(@Nullable T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
