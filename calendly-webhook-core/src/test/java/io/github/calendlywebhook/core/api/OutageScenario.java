package io.github.calendlywebhook.core.api;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.calendlywebhook.core.api.CalendlyFixtures.API;
import static io.github.calendlywebhook.core.api.CalendlyFixtures.USER;
import static io.github.calendlywebhook.core.api.CalendlyFixtures.page;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Four meetings and what Calendly delivered for them: A booked; B booked then canceled; C booked then
 * rescheduled to D (C canceled with {@code rescheduled: true}, D created with {@code old_invitee} = C).
 * The live bodies are written here as Calendly sends them, independently of the backfill's rebuilding.
 */
final class OutageScenario {

    static final String CANCEL_B = "{\"canceled_by\":\"Bea Guest\",\"reason\":\"Conflict\","
            + "\"canceler_type\":\"invitee\",\"created_at\":\"2026-03-02T12:00:00.000000Z\"}";
    static final String CANCEL_C = "{\"canceled_by\":\"Cy Guest\",\"reason\":null,"
            + "\"canceler_type\":\"invitee\",\"created_at\":\"2026-03-03T12:00:00.000000Z\"}";

    private OutageScenario() {
    }

    static String inviteeUri(String event, String invitee) {
        return API + "/scheduled_events/" + event + "/invitees/" + invitee;
    }

    /** The live deliveries, in the order Calendly sent them. */
    static List<byte[]> liveDeliveries() {
        return List.of(
                delivery("invitee.created", "2026-03-01T09:00:00.000000Z",
                        invitee("E1", "A", "active", false, null, null, "null", event("E1", "active", null))),
                delivery("invitee.created", "2026-03-01T10:00:00.000000Z",
                        invitee("E2", "B", "active", false, null, null, "null", event("E2", "active", null))),
                delivery("invitee.canceled", "2026-03-02T12:00:00.000000Z",
                        invitee("E2", "B", "canceled", false, null, null, CANCEL_B,
                                event("E2", "canceled", CANCEL_B))),
                delivery("invitee.created", "2026-03-01T11:00:00.000000Z",
                        invitee("E3", "C", "active", false, null, null, "null", event("E3", "active", null))),
                delivery("invitee.canceled", "2026-03-03T12:00:00.000000Z",
                        invitee("E3", "C", "canceled", true, null, inviteeUri("E4", "D"), CANCEL_C,
                                event("E3", "canceled", CANCEL_C))),
                delivery("invitee.created", "2026-03-01T12:00:00.000000Z",
                        invitee("E4", "D", "active", false, inviteeUri("E3", "C"), null, "null",
                                event("E4", "active", null))));
    }

    /** Stubs the API as it answers after everything happened, with the meetings over two pages. */
    static void stubApi(WireMockExtension calendly) {
        calendly.stubFor(get("/users/me").willReturn(okJson(CalendlyFixtures.me())));
        calendly.stubFor(get(urlPathEqualTo("/scheduled_events")).withQueryParam("page_token",
                com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(okJson(page("EP2", event("E1", "active", null), event("E2", "canceled", CANCEL_B)))));
        calendly.stubFor(get(urlPathEqualTo("/scheduled_events")).withQueryParam("page_token",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("EP2"))
                .willReturn(okJson(page(null, event("E3", "canceled", CANCEL_C), event("E4", "active", null)))));
        invitees(calendly, "E1", invitee("E1", "A", "active", false, null, null, "null", null));
        invitees(calendly, "E2", invitee("E2", "B", "canceled", false, null, null, CANCEL_B, null));
        invitees(calendly, "E3", invitee("E3", "C", "canceled", true, null, inviteeUri("E4", "D"), CANCEL_C, null));
        invitees(calendly, "E4", invitee("E4", "D", "active", false, inviteeUri("E3", "C"), null, "null", null));
    }

    static void invitees(WireMockExtension calendly, String event, String invitee) {
        calendly.stubFor(get(urlEqualTo("/scheduled_events/" + event + "/invitees?count=100"))
                .willReturn(okJson(page(null, invitee))));
    }

    static byte[] delivery(String name, String createdAt, String payload) {
        return ("{\"created_at\":\"" + createdAt + "\",\"created_by\":\"" + USER + "\",\"event\":\"" + name
                + "\",\"payload\":" + payload + "}").getBytes(StandardCharsets.UTF_8);
    }

    static String event(String id, String status, String cancellation) {
        return "{\"uri\":\"" + API + "/scheduled_events/" + id + "\",\"name\":\"Consultation\",\"status\":\""
                + status + "\",\"start_time\":\"2026-03-10T14:00:00.000000Z\","
                + "\"end_time\":\"2026-03-10T14:30:00.000000Z\",\"event_type\":\"" + API + "/event_types/CONSULT\","
                + "\"location\":{\"type\":\"zoom\",\"join_url\":\"https://zoom.example/j/" + id + "\"},"
                + "\"invitees_counter\":{\"total\":1,\"active\":" + ("active".equals(status) ? 1 : 0)
                + ",\"limit\":1},\"created_at\":\"2026-03-01T09:00:00.000000Z\","
                + "\"updated_at\":\"2026-03-01T09:00:00.000000Z\""
                + (cancellation == null ? "" : ",\"cancellation\":" + cancellation) + "}";
    }

    /** An invitee resource; with a scheduled event embedded it is a live payload, without it an API item. */
    static String invitee(String event, String id, String status, boolean rescheduled, String oldInvitee,
            String newInvitee, String cancellation, String scheduledEvent) {
        String created = "2026-03-01T" + (9 + "ABCD".indexOf(id)) + ":00:00.000000Z";
        created = created.length() == 27 ? created : created.replace("T9", "T09");
        return "{\"uri\":\"" + inviteeUri(event, id) + "\",\"email\":\"" + id.toLowerCase() + "@example.com\","
                + "\"name\":\"" + id + " Guest\",\"first_name\":null,\"last_name\":null,\"status\":\"" + status
                + "\",\"timezone\":\"Europe/Berlin\",\"created_at\":\"" + created + "\",\"event\":\"" + API
                + "/scheduled_events/" + event + "\",\"rescheduled\":" + rescheduled + ",\"old_invitee\":"
                + quoted(oldInvitee) + ",\"new_invitee\":" + quoted(newInvitee) + ",\"cancellation\":"
                + cancellation + ",\"payment\":{\"external_id\":\"ch_" + id + "\",\"provider\":\"stripe\","
                + "\"amount\":150.00,\"currency\":\"EUR\",\"terms\":\"Paid in advance\",\"successful\":true},"
                + "\"no_show\":null,\"questions_and_answers\":[{\"question\":\"Topic?\",\"answer\":\"Pricing\","
                + "\"position\":0}],\"tracking\":{\"utm_campaign\":\"spring\",\"utm_source\":null,"
                + "\"utm_medium\":null,\"utm_content\":null,\"utm_term\":null,\"salesforce_uuid\":null},"
                + "\"cancel_url\":\"https://calendly.com/cancellations/" + id + "\",\"reschedule_url\":"
                + "\"https://calendly.com/reschedulings/" + id + "\""
                + (scheduledEvent == null ? "" : ",\"scheduled_event\":" + scheduledEvent) + "}";
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
