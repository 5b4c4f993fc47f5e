package io.github.calendlywebhook.test;

import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.event.Cancellation;
import io.github.calendlywebhook.core.event.EventMetadata;
import io.github.calendlywebhook.core.event.EventTypeRef;
import io.github.calendlywebhook.core.event.Invitee;
import io.github.calendlywebhook.core.event.InviteeCanceledEvent;
import io.github.calendlywebhook.core.event.InviteeCreatedEvent;
import io.github.calendlywebhook.core.event.InviteeNoShowCreatedEvent;
import io.github.calendlywebhook.core.event.InviteeNoShowDeletedEvent;
import io.github.calendlywebhook.core.event.NoShow;
import io.github.calendlywebhook.core.event.PayloadFormat;
import io.github.calendlywebhook.core.event.Payment;
import io.github.calendlywebhook.core.event.RoutingFormSubmission;
import io.github.calendlywebhook.core.event.RoutingFormSubmissionCreatedEvent;
import io.github.calendlywebhook.core.event.ScheduledEvent;
import io.github.calendlywebhook.core.event.Tracking;
import io.github.calendlywebhook.core.store.StoredEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Parsed events built directly, for store and metric tests: short names stand for URIs, and the
 * envelope time is the event's occurrence time.
 */
public final class EventFixtures {

    private EventFixtures() {
    }

    /** Returns a booking that is not a reschedule. */
    public static InviteeCreatedEvent created(String invitee, String eventType, Instant at) {
        return new InviteeCreatedEvent(metadata(InviteeCreatedEvent.NAME, at, false),
                invitee(invitee, eventType, null, null, false, null, null));
    }

    /** Returns a test booking (body marked {@code "test": true}). */
    public static InviteeCreatedEvent testCreated(String invitee, String eventType, Instant at) {
        return new InviteeCreatedEvent(metadata(InviteeCreatedEvent.NAME, at, true),
                invitee(invitee, eventType, null, null, false, null, null));
    }

    /** Returns the create half of a reschedule: the new invitee replacing {@code oldInvitee}. */
    public static InviteeCreatedEvent rescheduledCreate(String invitee, String oldInvitee, String eventType, Instant at) {
        return new InviteeCreatedEvent(metadata(InviteeCreatedEvent.NAME, at, false),
                invitee(invitee, eventType, oldInvitee, null, false, null, null));
    }

    /** Returns a booking with a payment. */
    public static InviteeCreatedEvent paidCreated(String invitee, String eventType, Instant at, String amount,
            boolean successful) {
        Payment payment = new Payment("pay-" + invitee, "stripe", new BigDecimal(amount), "USD", successful);
        return new InviteeCreatedEvent(metadata(InviteeCreatedEvent.NAME, at, false),
                invitee(invitee, eventType, null, null, false, null, payment));
    }

    /** Returns a cancellation that is not a reschedule. */
    public static InviteeCanceledEvent canceled(String invitee, String eventType, Instant at) {
        return new InviteeCanceledEvent(metadata(InviteeCanceledEvent.NAME, at, false),
                invitee(invitee, eventType, null, null, false, new Cancellation("Host", "conflict", "host", at), null));
    }

    /** Returns the cancel half of a reschedule: {@code invitee} replaced by {@code newInvitee}. */
    public static InviteeCanceledEvent rescheduledCancel(String invitee, String newInvitee, String eventType, Instant at) {
        return new InviteeCanceledEvent(metadata(InviteeCanceledEvent.NAME, at, false),
                invitee(invitee, eventType, null, newInvitee, true, new Cancellation("Invitee", null, "invitee", at),
                        null));
    }

    /** Returns a no-show mark. */
    public static InviteeNoShowCreatedEvent noShowCreated(String noShow, String invitee, String eventType, Instant at) {
        return new InviteeNoShowCreatedEvent(metadata(InviteeNoShowCreatedEvent.NAME, at, false),
                invitee(invitee, eventType, null, null, false, null, null), new NoShow(uri(noShow), at));
    }

    /** Returns the removal of a no-show mark. */
    public static InviteeNoShowDeletedEvent noShowDeleted(String noShow, String invitee, String eventType, Instant at) {
        return new InviteeNoShowDeletedEvent(metadata(InviteeNoShowDeletedEvent.NAME, at, false),
                invitee(invitee, eventType, null, null, false, null, null), new NoShow(uri(noShow), at));
    }

    /** Returns a routing form submission (a lead). */
    public static RoutingFormSubmissionCreatedEvent routingFormSubmission(String submission, Instant at) {
        return new RoutingFormSubmissionCreatedEvent(metadata(RoutingFormSubmissionCreatedEvent.NAME, at, false),
                new RoutingFormSubmission(uri(submission), uri("form"), null, at, Tracking.NONE, List.of()));
    }

    /** Returns a webhook delivery of the event received at its occurrence time. */
    public static StoredEvent stored(CalendlyEvent event) {
        return stored(event, EventSource.WEBHOOK);
    }

    /** Returns a delivery of the event from a source, received at its occurrence time. */
    public static StoredEvent stored(CalendlyEvent event, EventSource source) {
        Instant at = event.metadata().createdAt();
        return StoredEvent.of(event, body(event), at != null ? at : Instant.EPOCH, source);
    }

    /** Returns the placeholder body the fixtures store: the idempotency key as JSON. */
    public static byte[] body(CalendlyEvent event) {
        return ("{\"key\":\"" + event.idempotencyKey() + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** Returns the event type key a short name stands for. */
    public static String eventTypeKey(String eventType) {
        return "https://api.calendly.com/event_types/" + eventType;
    }

    /** Returns the invitee URI a short name stands for. */
    public static String uri(String name) {
        return "https://api.calendly.com/scheduled_events/ev/invitees/" + name;
    }

    private static EventMetadata metadata(String name, Instant at, boolean test) {
        return new EventMetadata(name, at, "https://api.calendly.com/users/owner", PayloadFormat.V2, test);
    }

    private static Invitee invitee(String name, String eventType, @Nullable String oldInvitee,
            @Nullable String newInvitee, boolean rescheduled, @Nullable Cancellation cancellation,
            @Nullable Payment payment) {
        ScheduledEvent meeting = new ScheduledEvent(uri("meeting-" + name), "Consultation", "active",
                Instant.parse("2030-01-01T10:00:00Z"), Instant.parse("2030-01-01T10:30:00Z"),
                new EventTypeRef(eventTypeKey(eventType), eventType + " consultation", eventType, "solo", 30), null);
        return new Invitee(uri(name), "Name " + name, name + "@example.com", "UTC",
                cancellation == null ? "active" : "canceled", null, rescheduled,
                oldInvitee == null ? null : uri(oldInvitee), newInvitee == null ? null : uri(newInvitee), meeting,
                cancellation, payment, null, Tracking.NONE, List.of());
    }
}
