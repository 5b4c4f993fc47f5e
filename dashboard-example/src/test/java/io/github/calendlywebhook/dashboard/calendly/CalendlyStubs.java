package io.github.calendlywebhook.dashboard.calendly;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.calendlywebhook.core.testing.CalendlyApiJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Stubs of the Calendly API endpoints the dashboard uses, and readers of WireMock's request journal. */
final class CalendlyStubs {

    static final String TOKEN = "pat-dashboard-test-token-0123456789";
    static final String API = CalendlyApiJson.API;
    static final String ORG = CalendlyApiJson.ORG;
    static final String USER = CalendlyApiJson.USER;
    static final List<String> EVENT_NAMES = List.of("invitee.created", "invitee.canceled", "invitee_no_show.created",
            "invitee_no_show.deleted", "routing_form_submission.created");
    static final String EVENTS = "\"" + String.join("\",\"", EVENT_NAMES) + "\"";

    private CalendlyStubs() {
    }

    /** Stubs {@code GET /users/me}. */
    static void me(WireMockExtension calendly) {
        calendly.stubFor(get("/users/me").willReturn(okJson(CalendlyApiJson.me("UTC"))));
    }

    /** Stubs the subscription list as pages, each a list of subscription JSON objects. */
    @SafeVarargs
    static void subscriptionPages(WireMockExtension calendly, List<String>... pages) {
        for (int i = 0; i < pages.length; i++) {
            String token = i == 0 ? null : "P" + i;
            String next = i + 1 < pages.length ? "P" + (i + 1) : null;
            calendly.stubFor(get(urlPathEqualTo("/webhook_subscriptions"))
                    .withQueryParam("page_token", token == null ? absent() : equalTo(token))
                    .willReturn(okJson(page(next, pages[i]))));
        }
    }

    /** Stubs creation: the answer echoes the requested URL and events under a new uuid. */
    static void create(WireMockExtension calendly, String uuid) {
        calendly.stubFor(post("/webhook_subscriptions").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"resource\":{\"uri\":\"" + API + "/webhook_subscriptions/" + uuid + "\",\"callback_url\":"
                        + "\"{{jsonPath request.body '$.url'}}\",\"created_at\":\"2026-11-01T10:00:00.000000Z\","
                        + "\"updated_at\":\"2026-11-01T10:00:00.000000Z\",\"retry_started_at\":null,\"state\":\"active\","
                        + "\"events\":[" + EVENTS + "],\"scope\":\"organization\",\"organization\":\"" + ORG + "\","
                        + "\"user\":null,\"creator\":\"" + USER + "\"}}")
                .withTransformers("response-template")));
    }

    /** Stubs deletion of any subscription. */
    static void deletes(WireMockExtension calendly) {
        calendly.stubFor(delete(urlPathMatching("/webhook_subscriptions/.+")).willReturn(aResponse().withStatus(204)));
    }

    /** Returns one subscription as Calendly lists it. */
    static String subscription(String uuid, String url, String state, String retryStartedAt) {
        return CalendlyApiJson.subscription(uuid, url, state, retryStartedAt, EVENT_NAMES);
    }

    /** Returns one page of a Calendly collection. */
    static String page(String nextToken, List<String> items) {
        return CalendlyApiJson.page(nextToken, items);
    }

    /** Returns the signing keys sent with every create request, in order. */
    static List<String> sentSigningKeys(WireMockExtension calendly) {
        ObjectMapper json = new ObjectMapper();
        return calendly.findAll(postRequestedFor(urlPathEqualTo("/webhook_subscriptions"))).stream().map(r -> {
            try {
                return json.readTree(r.getBodyAsString()).get("signing_key").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }
}
