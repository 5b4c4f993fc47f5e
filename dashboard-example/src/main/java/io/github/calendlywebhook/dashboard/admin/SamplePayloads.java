package io.github.calendlywebhook.dashboard.admin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The sample delivery of the Test Webhook button: a v2 {@code invitee.created} marked {@code "test": true}. */
final class SamplePayloads {

    private SamplePayloads() {
    }

    /**
     * Returns the URI of the sample invitee for an id.
     *
     * @param id a unique id
     * @return the invitee URI, which makes the idempotency key unique
     */
    private static String inviteeUri(UUID id) {
        return "https://api.calendly.com/scheduled_events/" + id + "/invitees/" + id;
    }

    /**
     * Returns the sample body.
     *
     * @param id a unique id for this test
     * @param now the current instant
     * @return UTF-8 JSON bytes
     */
    static byte[] inviteeCreated(UUID id, Instant now) {
        Instant created = now.truncatedTo(ChronoUnit.SECONDS);
        Instant start = created.plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String json = "{\"created_at\":\"" + created + "\",\"created_by\":\"https://api.calendly.com/users/dashboard-test\","
                + "\"event\":\"invitee.created\",\"test\":true,\"payload\":{"
                + "\"uri\":\"" + inviteeUri(id) + "\",\"name\":\"Test Invitee\",\"first_name\":\"Test\","
                + "\"last_name\":\"Invitee\",\"email\":\"test.invitee@example.com\",\"status\":\"active\","
                + "\"timezone\":\"UTC\",\"created_at\":\"" + created + "\",\"updated_at\":\"" + created + "\","
                + "\"rescheduled\":false,\"old_invitee\":null,\"new_invitee\":null,\"cancellation\":null,"
                + "\"payment\":null,\"no_show\":null,\"questions_and_answers\":[],"
                + "\"tracking\":{\"utm_source\":\"dashboard-test-webhook\"},"
                + "\"scheduled_event\":{\"uri\":\"https://api.calendly.com/scheduled_events/" + id + "\","
                + "\"name\":\"Test Consultation\",\"status\":\"active\",\"start_time\":\"" + start + "\","
                + "\"end_time\":\"" + start.plus(30, ChronoUnit.MINUTES) + "\","
                + "\"event_type\":\"https://api.calendly.com/event_types/dashboard-test\","
                + "\"location\":{\"type\":\"zoom\"}}}}";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
