package io.github.calendlywebhook.benchmarks;

import java.nio.charset.StandardCharsets;

/** Builds Calendly {@code invitee.created} bodies (current v2 envelope) of an exact size. */
public final class Payloads {

    /** The signing secret every benchmark uses. */
    public static final String SECRET = "benchmark-signing-key-0123456789abcdef";
    /** The fixed signature timestamp, in Unix seconds (2026-11-20T10:00:00Z). */
    public static final long TIMESTAMP = 1_795_168_800L;

    private static final String TEMPLATE = "{\"created_at\":\"2026-11-20T10:00:00.000000Z\","
            + "\"created_by\":\"https://api.calendly.com/users/BENCHUSER0001\","
            + "\"event\":\"invitee.created\","
            + "\"payload\":{"
            + "\"uri\":\"https://api.calendly.com/scheduled_events/EV%1$012d/invitees/INV%1$012d\","
            + "\"email\":\"guest%1$d@example.com\",\"name\":\"Guest %1$d\",\"status\":\"active\","
            + "\"timezone\":\"Europe/Berlin\",\"created_at\":\"2026-11-20T09:59:58.000000Z\","
            + "\"scheduled_event\":{\"uri\":\"https://api.calendly.com/scheduled_events/EV%1$012d\","
            + "\"name\":\"Consultation\",\"status\":\"active\",\"start_time\":\"2026-11-24T15:00:00.000000Z\","
            + "\"end_time\":\"2026-11-24T15:30:00.000000Z\","
            + "\"event_type\":\"https://api.calendly.com/event_types/ETCONSULT0001\"},"
            + "\"rescheduled\":false,\"old_invitee\":null,\"new_invitee\":null,\"payment\":null,"
            + "\"no_show\":null,\"tracking\":{\"utm_campaign\":\"spring\",\"utm_source\":\"newsletter\"},"
            + "\"questions_and_answers\":[{\"question\":\"What would you like to discuss?\",\"position\":0,"
            + "\"answer\":\"%2$s\"}]}}";

    private Payloads() {
    }

    /**
     * Returns a body of exactly {@code size} bytes whose resource URI is unique to {@code index}.
     *
     * @param size the body size in bytes; at least about 850
     * @param index distinguishes events, so different indexes give different idempotency keys
     * @return the UTF-8 body
     */
    public static byte[] inviteeCreated(int size, long index) {
        int base = String.format(TEMPLATE, index, "").getBytes(StandardCharsets.UTF_8).length;
        if (size < base) {
            throw new IllegalArgumentException("size must be at least " + base + ", was " + size);
        }
        String body = String.format(TEMPLATE, index, "x".repeat(size - base));
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
