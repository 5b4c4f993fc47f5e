package io.github.calendlywebhook.core.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.calendlywebhook.core.testing.CalendlyApiJson.API;
import static io.github.calendlywebhook.core.testing.CalendlyApiJson.USER;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Four meetings and what Calendly delivered for them, for backfill tests: A booked; B booked then
 * canceled; C booked then rescheduled to D (C canceled with {@code rescheduled: true}, D created with
 * {@code old_invitee} = C). The live bodies are written as Calendly sends them, independently of the
 * backfill's rebuilding, and {@link #stubApi} answers as the API does after everything happened, with
 * the meetings over two pages. Bookings happen on the 1st to 3rd of the month, the meetings on the
 * meeting day.
 */
public final class OutageScenario {

    private final String month;
    private final String meetingDay;
    private final String currency;
    private final String cancelB;
    private final String cancelC;

    /**
     * Creates the scenario.
     *
     * @param month the month everything happens in
     * @param meetingDay the day of the month of the meetings, after the 3rd
     * @param currency the ISO code of the payments
     */
    public OutageScenario(YearMonth month, int meetingDay, String currency) {
        if (meetingDay < 4 || meetingDay > month.lengthOfMonth()) {
            throw new IllegalArgumentException("meetingDay must be after the bookings, in the month: " + meetingDay);
        }
        this.month = month.toString();
        this.meetingDay = String.format(Locale.ROOT, "%02d", meetingDay);
        this.currency = currency;
        this.cancelB = "{\"canceled_by\":\"Bea Guest\",\"reason\":\"Conflict\","
                + "\"canceler_type\":\"invitee\",\"created_at\":\"" + at("02", "12") + "\"}";
        this.cancelC = "{\"canceled_by\":\"Cy Guest\",\"reason\":null,"
                + "\"canceler_type\":\"invitee\",\"created_at\":\"" + at("03", "12") + "\"}";
    }

    /**
     * Returns the URI of an invitee.
     *
     * @param event the scheduled event's id
     * @param invitee the invitee's id
     * @return the URI
     */
    public static String inviteeUri(String event, String invitee) {
        return API + "/scheduled_events/" + event + "/invitees/" + invitee;
    }

    /** Returns the live deliveries, in the order Calendly sent them. */
    public List<byte[]> liveDeliveries() {
        return List.of(
                delivery("invitee.created", at("01", "09"),
                        invitee("E1", "A", "active", false, null, null, "null", event("E1", "active", null))),
                delivery("invitee.created", at("01", "10"),
                        invitee("E2", "B", "active", false, null, null, "null", event("E2", "active", null))),
                delivery("invitee.canceled", at("02", "12"),
                        invitee("E2", "B", "canceled", false, null, null, cancelB, event("E2", "canceled", cancelB))),
                delivery("invitee.created", at("01", "11"),
                        invitee("E3", "C", "active", false, null, null, "null", event("E3", "active", null))),
                delivery("invitee.canceled", at("03", "12"),
                        invitee("E3", "C", "canceled", true, null, inviteeUri("E4", "D"), cancelC,
                                event("E3", "canceled", cancelC))),
                delivery("invitee.created", at("01", "12"),
                        invitee("E4", "D", "active", false, inviteeUri("E3", "C"), null, "null",
                                event("E4", "active", null))));
    }

    /**
     * Stubs the scheduled events over two pages and each event's invitees; {@code /users/me} is left
     * to the caller.
     *
     * @param calendly the WireMock server standing for the API
     */
    public void stubApi(WireMockExtension calendly) {
        calendly.stubFor(get(urlPathEqualTo("/scheduled_events")).withQueryParam("page_token", absent())
                .willReturn(okJson(CalendlyApiJson.page("EP2",
                        List.of(event("E1", "active", null), event("E2", "canceled", cancelB))))));
        calendly.stubFor(get(urlPathEqualTo("/scheduled_events")).withQueryParam("page_token", equalTo("EP2"))
                .willReturn(okJson(CalendlyApiJson.page(null,
                        List.of(event("E3", "canceled", cancelC), event("E4", "active", null))))));
        invitees(calendly, "E1", invitee("E1", "A", "active", false, null, null, "null", null));
        invitees(calendly, "E2", invitee("E2", "B", "canceled", false, null, null, cancelB, null));
        invitees(calendly, "E3", invitee("E3", "C", "canceled", true, null, inviteeUri("E4", "D"), cancelC, null));
        invitees(calendly, "E4", invitee("E4", "D", "active", false, inviteeUri("E3", "C"), null, "null", null));
    }

    /**
     * Stubs the invitees of one scheduled event as a single page.
     *
     * @param calendly the WireMock server standing for the API
     * @param event the scheduled event's id
     * @param invitee the one invitee, as JSON
     */
    public static void invitees(WireMockExtension calendly, String event, String invitee) {
        calendly.stubFor(get(urlEqualTo("/scheduled_events/" + event + "/invitees?count=100"))
                .willReturn(okJson(CalendlyApiJson.page(null, List.of(invitee)))));
    }

    /**
     * Returns a v2 delivery body.
     *
     * @param name the event name
     * @param createdAt the envelope's {@code created_at}
     * @param payload the payload object
     * @return the body
     */
    public static byte[] delivery(String name, String createdAt, String payload) {
        return ("{\"created_at\":\"" + createdAt + "\",\"created_by\":\"" + USER + "\",\"event\":\"" + name
                + "\",\"payload\":" + payload + "}").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Returns a scheduled event resource.
     *
     * @param id its id
     * @param status {@code active} or {@code canceled}
     * @param cancellation its cancellation object, or {@code null}
     * @return the resource
     */
    public String event(String id, String status, @Nullable String cancellation) {
        return "{\"uri\":\"" + API + "/scheduled_events/" + id + "\",\"name\":\"Consultation\",\"status\":\""
                + status + "\",\"start_time\":\"" + at(meetingDay, "14") + "\","
                + "\"end_time\":\"" + month + "-" + meetingDay + "T14:30:00.000000Z\",\"event_type\":\"" + API
                + "/event_types/CONSULT\","
                + "\"location\":{\"type\":\"zoom\",\"join_url\":\"https://zoom.example/j/" + id + "\"},"
                + "\"invitees_counter\":{\"total\":1,\"active\":" + ("active".equals(status) ? 1 : 0)
                + ",\"limit\":1},\"created_at\":\"" + at("01", "09") + "\","
                + "\"updated_at\":\"" + at("01", "09") + "\""
                + (cancellation == null ? "" : ",\"cancellation\":" + cancellation) + "}";
    }

    /**
     * Returns an invitee: with a scheduled event embedded it is a live payload, without it an API item.
     *
     * @param event the scheduled event's id
     * @param id the invitee's id, A to D (its booking hour is 9 to 12 on the 1st)
     * @param status {@code active} or {@code canceled}
     * @param rescheduled whether it was canceled by a reschedule
     * @param oldInvitee the URI of the invitee it replaces, or {@code null}
     * @param newInvitee the URI of the invitee that replaces it, or {@code null}
     * @param cancellation its cancellation object, or the JSON text {@code null}
     * @param scheduledEvent the embedded scheduled event, or {@code null}
     * @return the invitee object
     */
    public String invitee(String event, String id, String status, boolean rescheduled, @Nullable String oldInvitee,
            @Nullable String newInvitee, String cancellation, @Nullable String scheduledEvent) {
        String created = at("01", String.format(Locale.ROOT, "%02d", 9 + "ABCD".indexOf(id)));
        return "{\"uri\":\"" + inviteeUri(event, id) + "\",\"email\":\"" + id.toLowerCase(Locale.ROOT)
                + "@example.com\",\"name\":\"" + id + " Guest\",\"first_name\":null,\"last_name\":null,\"status\":\""
                + status + "\",\"timezone\":\"Europe/Berlin\",\"created_at\":\"" + created + "\",\"event\":\"" + API
                + "/scheduled_events/" + event + "\",\"rescheduled\":" + rescheduled + ",\"old_invitee\":"
                + quoted(oldInvitee) + ",\"new_invitee\":" + quoted(newInvitee) + ",\"cancellation\":"
                + cancellation + ",\"payment\":{\"external_id\":\"ch_" + id + "\",\"provider\":\"stripe\","
                + "\"amount\":150.00,\"currency\":\"" + currency + "\",\"terms\":\"Paid in advance\","
                + "\"successful\":true},\"no_show\":null,\"questions_and_answers\":[{\"question\":\"Topic?\","
                + "\"answer\":\"Pricing\",\"position\":0}],\"tracking\":{\"utm_campaign\":\"spring\","
                + "\"utm_source\":null,\"utm_medium\":null,\"utm_content\":null,\"utm_term\":null,"
                + "\"salesforce_uuid\":null},\"cancel_url\":\"https://calendly.com/cancellations/" + id + "\","
                + "\"reschedule_url\":\"https://calendly.com/reschedulings/" + id + "\""
                + (scheduledEvent == null ? "" : ",\"scheduled_event\":" + scheduledEvent) + "}";
    }

    private String at(String day, String hour) {
        return month + "-" + day + "T" + hour + ":00:00.000000Z";
    }

    private static String quoted(@Nullable String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
