package io.github.calendlywebhook.dashboard.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Calendly v2 webhook bodies for tests, with chosen invitee URIs and names. */
public final class Payloads {

    /** The event type URI used by these payloads. */
    public static final String EVENT_TYPE = "https://api.calendly.com/event_types/consultation";

    private Payloads() {
    }

    /** Returns the URI of a test invitee. */
    public static String invitee(String id) {
        return "https://api.calendly.com/scheduled_events/ev-" + id + "/invitees/" + id;
    }

    /** Returns an {@code invitee.created} body. */
    public static byte[] created(String id, String name, Instant at, String oldInvitee) {
        return createdFor("Consultation", id, name, at, oldInvitee);
    }

    /** Returns an {@code invitee.created} body for a meeting with a chosen name. */
    public static byte[] createdFor(String meeting, String id, String name, Instant at, String oldInvitee) {
        return envelope("invitee.created", at, invitee(id, name, at, "active", false,
                oldInvitee == null ? "null" : quote(invitee(oldInvitee)), "null", "null", meeting));
    }

    /** Returns an {@code invitee.created} body for a new booking. */
    public static byte[] created(String id, String name, Instant at) {
        return created(id, name, at, null);
    }

    /** Returns an {@code invitee.canceled} body; {@code newInvitee} set makes it the first half of a reschedule. */
    public static byte[] canceled(String id, String name, Instant at, String newInvitee) {
        return envelope("invitee.canceled", at, invitee(id, name, at, "canceled", newInvitee != null, "null",
                newInvitee == null ? "null" : quote(invitee(newInvitee)),
                "{\"canceled_by\":\"" + name + "\",\"reason\":\"test\",\"canceler_type\":\"invitee\",\"created_at\":\""
                        + at + "\"}", "Consultation"));
    }

    /** Returns an {@code invitee_no_show.created} body. */
    public static byte[] noShow(String id, Instant at) {
        return envelope("invitee_no_show.created", at, "{\"uri\":\"https://api.calendly.com/invitee_no_shows/ns-" + id
                + "\",\"invitee\":" + quote(invitee(id)) + ",\"created_at\":\"" + at + "\"}");
    }

    private static String invitee(String id, String name, Instant at, String status, boolean rescheduled,
            String oldInvitee, String newInvitee, String cancellation, String meeting) {
        return "{\"uri\":" + quote(invitee(id)) + ",\"name\":" + quote(name) + ",\"email\":\"" + id
                + "@example.com\",\"status\":\"" + status + "\",\"timezone\":\"UTC\",\"created_at\":\"" + at
                + "\",\"updated_at\":\"" + at + "\",\"rescheduled\":" + rescheduled + ",\"old_invitee\":" + oldInvitee
                + ",\"new_invitee\":" + newInvitee + ",\"cancellation\":" + cancellation
                + ",\"payment\":null,\"no_show\":null,\"questions_and_answers\":[],\"tracking\":{},"
                + "\"scheduled_event\":{\"uri\":\"https://api.calendly.com/scheduled_events/ev-" + id + "\","
                + "\"name\":" + quote(meeting) + ",\"status\":\"" + status + "\",\"start_time\":\"" + at.plusSeconds(86_400)
                + "\",\"end_time\":\"" + at.plusSeconds(88_200) + "\",\"event_type\":" + quote(eventType(meeting)) + "}}";
    }

    private static String eventType(String meeting) {
        return "Consultation".equals(meeting) ? EVENT_TYPE
                : "https://api.calendly.com/event_types/" + Integer.toHexString(meeting.hashCode());
    }

    private static byte[] envelope(String event, Instant at, String payload) {
        return ("{\"created_at\":\"" + at + "\",\"created_by\":\"https://api.calendly.com/users/owner\",\"event\":\""
                + event + "\",\"payload\":" + payload + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
