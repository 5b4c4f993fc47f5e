package io.github.calendlywebhook.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A current (v2) {@code invitee.*} or {@code invitee_no_show.*} delivery body, shaped like Calendly's
 * documented examples, with the fields a test usually chooses settable: invitee URI, name, time, event
 * type, payment, reschedule links and test flag. Without settings it is a paid (150.00 USD) consultation
 * booked by Ada Lovelace on 2026-01-15 with a fresh invitee URI.
 *
 * <pre>{@code
 * byte[] body = InviteePayload.created().uri(inviteeUri).name("Grace Hopper").at(now).unpaid().toBytes();
 * }</pre>
 */
public final class InviteePayload {

    private static final String TEMPLATE = """
            {
              "created_at": "{{at}}",
              "created_by": "https://api.calendly.com/users/OWNER",
              "event": "{{event}}",
              "payload": {
                "cancel_url": "https://calendly.com/cancellations/X",
                "created_at": "{{bookedAt}}",
                "email": "{{email}}",
                "event": "https://api.calendly.com/scheduled_events/X",
                "first_name": null,
                "last_name": null,
                "name": {{name}},
                "new_invitee": {{newInvitee}},
                "no_show": {{noShow}},
                "old_invitee": {{oldInvitee}},
                "payment": {{payment}},
                "questions_and_answers": [{"answer": "Pricing", "position": 0, "question": "Topic?"}],
                "reconfirmation": null,
                "reschedule_url": "https://calendly.com/reschedulings/X",
                "rescheduled": {{rescheduled}},
                "routing_form_submission": null,
                "scheduled_event": {
                  "uri": "https://api.calendly.com/scheduled_events/X",
                  "name": {{meeting}},
                  "status": "{{status}}",
                  "start_time": "{{start}}",
                  "end_time": "{{end}}",
                  "event_type": {{eventType}},
                  "location": {"type": "zoom", "join_url": "https://zoom.example/j/1"},
                  "invitees_counter": {"total": 1, "active": 1, "limit": 1},
                  "created_at": "2026-01-15T09:00:00.000000Z",
                  "updated_at": "2026-01-15T09:00:00.000000Z",
                  "event_memberships": [{"user": "https://api.calendly.com/users/OWNER"}],
                  "event_guests": []
                },
                "status": "{{status}}",
                "text_reminder_number": null,
                "timezone": "Europe/Paris",
                "tracking": {"utm_campaign": "spring", "utm_source": "newsletter", "utm_medium": "email",
                             "utm_content": null, "utm_term": null, "salesforce_uuid": null},
                "updated_at": "{{updatedAt}}",
                "uri": "{{uri}}",
                "cancellation": {{cancellation}}
              }
            }
            """;

    private static final String PAID = "{\"external_id\": \"ch_1\", \"provider\": \"stripe\", \"amount\": 150.00, "
            + "\"currency\": \"USD\",\n                \"terms\": \"Paid in advance\", \"successful\": true}";

    private final String event;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private boolean test;
    private @Nullable String noShowUri;
    private @Nullable Instant at;

    private InviteePayload(String event, String status) {
        this.event = event;
        fields.put("at", "2026-01-15T09:59:00.000000Z");
        fields.put("bookedAt", "2026-01-15T09:00:00.000000Z");
        fields.put("updatedAt", "2026-01-15T09:59:00.000000Z");
        fields.put("email", "ada@example.com");
        fields.put("name", json("Ada Lovelace"));
        fields.put("newInvitee", "null");
        fields.put("oldInvitee", "null");
        fields.put("payment", PAID);
        fields.put("rescheduled", "false");
        fields.put("meeting", json("Consultation"));
        fields.put("status", status);
        fields.put("start", "2026-01-20T14:00:00.000000Z");
        fields.put("end", "2026-01-20T14:30:00.000000Z");
        fields.put("eventType", json(SignedPayloads.EVENT_TYPE_URI));
        fields.put("uri", SignedPayloads.newInviteeUri());
        fields.put("cancellation", "null");
    }

    /** Returns an {@code invitee.created}: an active booking. */
    public static InviteePayload created() {
        return new InviteePayload("invitee.created", "active");
    }

    /** Returns an {@code invitee.canceled} by the invitee, not part of a reschedule. */
    public static InviteePayload canceled() {
        return new InviteePayload("invitee.canceled", "canceled").cancellation("Ada Lovelace",
                "2026-01-15T09:58:00.000000Z");
    }

    /**
     * Returns an {@code invitee_no_show.created}: the invitee with a no-show mark.
     *
     * @param noShowUri the URI of the mark, the delivery's idempotency key
     * @return the builder
     */
    public static InviteePayload noShowCreated(String noShowUri) {
        return noShow("invitee_no_show.created", noShowUri);
    }

    /**
     * Returns an {@code invitee_no_show.deleted}: the removal of a no-show mark.
     *
     * @param noShowUri the URI of the removed mark
     * @return the builder
     */
    public static InviteePayload noShowDeleted(String noShowUri) {
        return noShow("invitee_no_show.deleted", noShowUri);
    }

    private static InviteePayload noShow(String event, String noShowUri) {
        InviteePayload payload = new InviteePayload(event, "active");
        payload.noShowUri = Objects.requireNonNull(noShowUri, "noShowUri");
        return payload;
    }

    /**
     * Sets the invitee URI, the idempotency key of {@code invitee.*} deliveries.
     *
     * @param inviteeUri the URI
     * @return this builder
     */
    public InviteePayload uri(String inviteeUri) {
        return set("uri", inviteeUri);
    }

    /**
     * Sets the invitee's name.
     *
     * @param name the name
     * @return this builder
     */
    public InviteePayload name(String name) {
        fields.put("name", json(name));
        return this;
    }

    /**
     * Sets the invitee's email address.
     *
     * @param email the address
     * @return this builder
     */
    public InviteePayload email(String email) {
        return set("email", email);
    }

    /**
     * Sets when it happened: the envelope's {@code created_at} (the time dashboards count the event at),
     * the invitee's creation and update times, and the time of a cancellation or no-show mark.
     *
     * @param time the time
     * @return this builder
     */
    public InviteePayload at(Instant time) {
        this.at = Objects.requireNonNull(time, "time");
        fields.put("at", time.toString());
        fields.put("bookedAt", time.toString());
        fields.put("updatedAt", time.toString());
        if (!"null".equals(fields.get("cancellation"))) {
            cancellation(fields.get("cancelledBy"), time.toString());
        }
        return this;
    }

    /**
     * Sets the meeting's start; it lasts 30 minutes.
     *
     * @param start the start time
     * @return this builder
     */
    public InviteePayload meetingAt(Instant start) {
        set("start", start.toString());
        return set("end", start.plus(Duration.ofMinutes(30)).toString());
    }

    /**
     * Sets the event type of the meeting and the meeting's name.
     *
     * @param eventTypeUri the event type URI, the key of per-event-type values
     * @param meetingName the name of the scheduled event
     * @return this builder
     */
    public InviteePayload eventType(String eventTypeUri, String meetingName) {
        fields.put("eventType", json(eventTypeUri));
        fields.put("meeting", json(meetingName));
        return this;
    }

    /**
     * Sets a successful payment.
     *
     * @param amount the paid amount, a JSON number such as {@code 49.90}
     * @param currency the ISO 4217 code
     * @return this builder
     */
    public InviteePayload paid(String amount, String currency) {
        fields.put("payment", "{\"external_id\": \"ch_" + UUID.randomUUID() + "\", \"provider\": \"stripe\", \"amount\": "
                + Objects.requireNonNull(amount, "amount") + ", \"currency\": " + json(currency)
                + ", \"terms\": \"Paid in advance\", \"successful\": true}");
        return this;
    }

    /**
     * Removes the payment, so the booking is worth the configured value.
     *
     * @return this builder
     */
    public InviteePayload unpaid() {
        return raw("payment", "null");
    }

    /**
     * Makes an {@code invitee.created} the second half of a reschedule: the invitee replacing another.
     *
     * @param oldInviteeUri the URI of the invitee it replaces
     * @return this builder
     */
    public InviteePayload rescheduledFrom(String oldInviteeUri) {
        fields.put("oldInvitee", json(oldInviteeUri));
        return this;
    }

    /**
     * Makes an {@code invitee.canceled} the first half of a reschedule: {@code rescheduled} true and
     * {@code new_invitee} set.
     *
     * @param newInviteeUri the URI of the invitee replacing this one
     * @return this builder
     */
    public InviteePayload rescheduledTo(String newInviteeUri) {
        fields.put("newInvitee", json(newInviteeUri));
        return raw("rescheduled", "true");
    }

    /**
     * Marks the delivery as a test ({@code "test": true} at the top level), as the dashboards' test
     * button sends it.
     *
     * @return this builder
     */
    public InviteePayload test() {
        this.test = true;
        return this;
    }

    /** Returns the body as JSON text. */
    public String toJson() {
        Map<String, String> values = new LinkedHashMap<>(fields);
        values.put("event", event);
        values.put("noShow", noShowUri == null ? "null" : "{\"uri\": " + json(noShowUri) + ", \"created_at\": \""
                + (at != null ? at.toString() : "2026-01-20T14:40:00.000000Z") + "\"}");
        String json = TEMPLATE;
        for (Map.Entry<String, String> value : values.entrySet()) {
            json = json.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        return test ? "{\"test\":true," + json.substring(1) : json;
    }

    /** Returns the body as UTF-8 bytes, the exact bytes to sign and send. */
    public byte[] toBytes() {
        return toJson().getBytes(StandardCharsets.UTF_8);
    }

    private InviteePayload cancellation(@Nullable String canceledBy, String time) {
        String by = canceledBy != null ? canceledBy : "Ada Lovelace";
        fields.put("cancelledBy", by);
        return raw("cancellation", "{\"canceled_by\":" + json(by) + ",\"reason\":\"Found another slot\","
                + "\"canceler_type\":\"invitee\",\"created_at\":\"" + time + "\"}");
    }

    private InviteePayload set(String field, String text) {
        fields.put(field, Objects.requireNonNull(text, field).replace("\\", "\\\\").replace("\"", "\\\""));
        return this;
    }

    private InviteePayload raw(String field, String json) {
        fields.put(field, json);
        return this;
    }

    private static String json(String text) {
        return "\"" + Objects.requireNonNull(text, "text").replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
