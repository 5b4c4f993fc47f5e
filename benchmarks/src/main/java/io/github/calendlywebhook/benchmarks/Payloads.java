package io.github.calendlywebhook.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Builds Calendly {@code invitee.created} bodies (current v2 envelope) of an exact size. The scheduled
 * event and the invitee are named by UUIDs, as Calendly names them, derived from the index: consecutive
 * indexes give unrelated URIs, so a store's keys arrive in no particular order, as real bookings do.
 */
public final class Payloads {

    /** The signing secret every benchmark uses. */
    public static final String SECRET = "benchmark-signing-key-0123456789abcdef";
    /** The fixed signature timestamp, in Unix seconds (2026-11-20T10:00:00Z). */
    public static final long TIMESTAMP = 1_795_168_800L;

    private static final String TEMPLATE = "{\"created_at\":\"2026-11-20T10:00:00.000000Z\","
            + "\"created_by\":\"https://api.calendly.com/users/BENCHUSER0001\","
            + "\"event\":\"invitee.created\","
            + "\"payload\":{"
            + "\"uri\":\"https://api.calendly.com/scheduled_events/%3$s/invitees/%4$s\","
            + "\"email\":\"guest%1$d@example.com\",\"name\":\"Guest %1$d\",\"status\":\"active\","
            + "\"timezone\":\"Europe/Berlin\",\"created_at\":\"2026-11-20T09:59:58.000000Z\","
            + "\"scheduled_event\":{\"uri\":\"https://api.calendly.com/scheduled_events/%3$s\","
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
     * @param size the body size in bytes; at least about 920
     * @param index distinguishes events, so different indexes give different idempotency keys
     * @return the UTF-8 body
     */
    public static byte[] inviteeCreated(int size, long index) {
        String event = uuid(index, 0x9E3779B97F4A7C15L).toString();
        String invitee = uuid(index, 0x632BE59BD9B4E019L).toString();
        int base = String.format(TEMPLATE, index, "", event, invitee).getBytes(StandardCharsets.UTF_8).length;
        if (size < base) {
            throw new IllegalArgumentException("size must be at least " + base + ", was " + size);
        }
        String body = String.format(TEMPLATE, index, "x".repeat(size - base), event, invitee);
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Returns a UUID that differs for every index under one salt: its high half is a bijective mix of the
     * index plus the salt, its low half another mix.
     */
    private static UUID uuid(long index, long salt) {
        return new UUID(mix(index + salt), mix(index * 31 - salt));
    }

    /** SplitMix64's finalizer: a bijection of the 64-bit values that scatters consecutive ones. */
    private static long mix(long value) {
        long z = (value ^ (value >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
