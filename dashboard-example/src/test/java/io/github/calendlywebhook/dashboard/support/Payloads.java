package io.github.calendlywebhook.dashboard.support;

import io.github.calendlywebhook.test.InviteePayload;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Calendly v2 webhook bodies for the dashboard's tests, built with the test kit's {@link InviteePayload}:
 * chosen invitee ids and names, no payment (so bookings are worth the configured value), the meeting a
 * day after the booking.
 */
public final class Payloads {

    /** The event type URI used by these payloads. */
    public static final String EVENT_TYPE = "https://api.calendly.com/event_types/consultation";

    private static final String MEETING = "Consultation";

    private Payloads() {
    }

    /** Returns the URI of a test invitee. */
    public static String invitee(String id) {
        return "https://api.calendly.com/scheduled_events/ev-" + id + "/invitees/" + id;
    }

    /** Returns an {@code invitee.created} body. */
    public static byte[] created(String id, String name, Instant at, @Nullable String oldInvitee) {
        return createdFor(MEETING, id, name, at, oldInvitee);
    }

    /** Returns an {@code invitee.created} body for a meeting with a chosen name. */
    public static byte[] createdFor(String meeting, String id, String name, Instant at, @Nullable String oldInvitee) {
        InviteePayload payload = booking(InviteePayload.created(), meeting, id, name, at);
        return (oldInvitee == null ? payload : payload.rescheduledFrom(invitee(oldInvitee))).toBytes();
    }

    /** Returns an {@code invitee.created} body for a new booking. */
    public static byte[] created(String id, String name, Instant at) {
        return created(id, name, at, null);
    }

    /** Returns an {@code invitee.canceled} body; {@code newInvitee} set makes it the first half of a reschedule. */
    public static byte[] canceled(String id, String name, Instant at, @Nullable String newInvitee) {
        InviteePayload payload = booking(InviteePayload.canceled(), MEETING, id, name, at);
        return (newInvitee == null ? payload : payload.rescheduledTo(invitee(newInvitee))).toBytes();
    }

    /** Returns an {@code invitee_no_show.created} body. */
    public static byte[] noShow(String id, Instant at) {
        return booking(InviteePayload.noShowCreated("https://api.calendly.com/invitee_no_shows/ns-" + id), MEETING, id,
                id, at).toBytes();
    }

    private static InviteePayload booking(InviteePayload payload, String meeting, String id, String name, Instant at) {
        return payload.uri(invitee(id)).name(name).email(id + "@example.com").at(at)
                .meetingAt(at.plus(Duration.ofDays(1))).eventType(eventType(meeting), meeting).unpaid();
    }

    private static String eventType(String meeting) {
        return MEETING.equals(meeting) ? EVENT_TYPE
                : "https://api.calendly.com/event_types/" + Integer.toHexString(meeting.hashCode());
    }
}
