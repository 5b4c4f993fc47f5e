package io.github.calendlywebhook.core.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.calendlywebhook.core.api.CalendlyFixtures.API;
import static io.github.calendlywebhook.core.api.CalendlyFixtures.ORG;
import static io.github.calendlywebhook.core.api.CalendlyFixtures.TOKEN;
import static io.github.calendlywebhook.core.api.CalendlyFixtures.USER;
import static io.github.calendlywebhook.core.api.CalendlyFixtures.page;
import static io.github.calendlywebhook.core.api.CalendlyFixtures.resource;
import static io.github.calendlywebhook.core.api.CalendlyFixtures.subscription;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CalendlyApiClientTest {

    @RegisterExtension
    static WireMockExtension calendly = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final CalendlyFixtures.RecordingSleeper sleeper = new CalendlyFixtures.RecordingSleeper();
    private CalendlyApiClient client;

    @BeforeEach
    void setUp() {
        client = CalendlyFixtures.client(calendly, sleeper);
    }

    @Test
    void readsTheCurrentUserWithTheBearerToken() {
        calendly.stubFor(get("/users/me").withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson(CalendlyFixtures.me())));

        CurrentUser me = client.currentUser();

        assertThat(me).isEqualTo(new CurrentUser(USER, ORG, "Ada Host", "ada@example.com", "Europe/Berlin"));
    }

    @Test
    void listsSubscriptionsAcrossEveryPage() {
        String first = subscription("S1", "https://a.example/hook", "active", null, "invitee.created");
        String second = subscription("S2", "https://b.example/hook", "disabled", null, "invitee.created");
        String third = subscription("S3", "https://c.example/hook", "active", "2026-01-03T00:00:00Z",
                "invitee.canceled");
        calendly.stubFor(get(urlEqualTo("/webhook_subscriptions?organization=" + enc(ORG)
                + "&scope=organization&count=100")).willReturn(okJson(page("T2", first))));
        calendly.stubFor(get(urlEqualTo("/webhook_subscriptions?organization=" + enc(ORG)
                + "&scope=organization&count=100&page_token=T2")).willReturn(okJson(pageWithOnlyNextPage(second))));
        calendly.stubFor(get(urlEqualTo("/webhook_subscriptions?organization=" + enc(ORG)
                + "&scope=organization&count=100&page_token=T3")).willReturn(okJson(page(null, third))));

        List<WebhookSubscription> subscriptions =
                client.webhookSubscriptions(ORG, null, SubscriptionScope.ORGANIZATION);

        assertThat(subscriptions).extracting(WebhookSubscription::uuid).containsExactly("S1", "S2", "S3");
        assertThat(subscriptions.get(1).state()).isEqualTo(SubscriptionState.DISABLED);
        assertThat(subscriptions.get(2).retrying()).isTrue();
        assertThat(subscriptions.get(2).retryStartedAt()).isEqualTo(Instant.parse("2026-01-03T00:00:00Z"));
    }

    @Test
    void createsASubscriptionWithItsSigningKey() {
        calendly.stubFor(post("/webhook_subscriptions").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(resource(subscription("NEW", "https://a.example/hook", "active", null,
                        "invitee.created")))));

        WebhookSubscription created = client.createWebhookSubscription(new NewWebhookSubscription(
                "https://a.example/hook", List.of("invitee.created"), ORG, null, null,
                SubscriptionScope.ORGANIZATION, "k3y"));

        assertThat(created.uri()).isEqualTo(API + "/webhook_subscriptions/NEW");
        calendly.verify(postRequestedFor(urlEqualTo("/webhook_subscriptions")).withRequestBody(equalToJson(
                "{\"url\":\"https://a.example/hook\",\"events\":[\"invitee.created\"],\"organization\":\"" + ORG
                        + "\",\"scope\":\"organization\",\"signing_key\":\"k3y\"}")));
    }

    @Test
    void getsASubscriptionByUri() {
        calendly.stubFor(get("/webhook_subscriptions/S1").willReturn(okJson(resource(
                subscription("S1", "https://a.example/hook", "active", null, "invitee.created")))));

        assertThat(client.webhookSubscription(API + "/webhook_subscriptions/S1"))
                .hasValueSatisfying(found -> assertThat(found.callbackUrl()).isEqualTo("https://a.example/hook"));
    }

    @Test
    void returnsEmptyForAMissingSubscription() {
        calendly.stubFor(get("/webhook_subscriptions/GONE").willReturn(aResponse().withStatus(404)
                .withBody("{\"title\":\"Resource Not Found\",\"message\":\"The server could not find it.\"}")));

        assertThat(client.webhookSubscription("GONE")).isEmpty();
    }

    @Test
    void deletesASubscriptionAndReportsAMissingOneAsNotDeleted() {
        calendly.stubFor(delete("/webhook_subscriptions/S1").willReturn(aResponse().withStatus(204)));
        calendly.stubFor(delete("/webhook_subscriptions/GONE").willReturn(aResponse().withStatus(404)));

        assertThat(client.deleteWebhookSubscription(API + "/webhook_subscriptions/S1")).isTrue();
        assertThat(client.deleteWebhookSubscription("GONE")).isFalse();
        calendly.verify(deleteRequestedFor(urlEqualTo("/webhook_subscriptions/S1")));
    }

    @Test
    void reportsARejectedTokenAsAConfigurationErrorWithoutTheToken() {
        calendly.stubFor(get("/users/me").willReturn(aResponse().withStatus(401)
                .withBody("{\"title\":\"Unauthenticated\",\"message\":\"The access token is invalid\"}")));

        CalendlyAuthenticationException e =
                catchThrowableOfType(CalendlyAuthenticationException.class, client::currentUser);

        assertThat(e.code()).isEqualTo(CalendlyAuthenticationException.INVALID_TOKEN);
        assertThat(e.getMessage()).contains("CALENDLY_API_TOKEN").contains("The access token is invalid")
                .doesNotContain(TOKEN);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void reportsAMissingPermissionAsInsufficientScope() {
        calendly.stubFor(get(urlPathEqualTo("/webhook_subscriptions")).willReturn(aResponse().withStatus(403)
                .withBody("{\"title\":\"Permission Denied\",\"message\":\"You do not have permission\"}")));

        CalendlyAuthenticationException e = catchThrowableOfType(CalendlyAuthenticationException.class,
                () -> client.webhookSubscriptions(ORG, null, SubscriptionScope.ORGANIZATION));

        assertThat(e.code()).isEqualTo(CalendlyAuthenticationException.INSUFFICIENT_SCOPE);
        assertThat(e.status()).isEqualTo(403);
    }

    @Test
    void waitsForTheRateLimitResetThenRetries() {
        calendly.stubFor(get("/users/me").inScenario("limit").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(429).withHeader("X-RateLimit-Reset", "7"))
                .willSetStateTo("reset"));
        calendly.stubFor(get("/users/me").inScenario("limit").whenScenarioStateIs("reset")
                .willReturn(okJson(CalendlyFixtures.me())));

        CurrentUser me = client.currentUser();

        assertThat(me.uri()).isEqualTo(USER);
        assertThat(sleeper.waits).containsExactly(java.time.Duration.ofSeconds(7));
    }

    @Test
    void retriesServerErrorsWithExponentialBackoff() {
        calendly.stubFor(get("/users/me").inScenario("flaky").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("once"));
        calendly.stubFor(get("/users/me").inScenario("flaky").whenScenarioStateIs("once")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("twice"));
        calendly.stubFor(get("/users/me").inScenario("flaky").whenScenarioStateIs("twice")
                .willReturn(okJson(CalendlyFixtures.me())));

        CurrentUser me = client.currentUser();

        assertThat(me.organization()).isEqualTo(ORG);
        assertThat(sleeper.waits).containsExactly(java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(1));
    }

    @Test
    void givesUpOnServerErrorsAfterTheRetryBound() {
        calendly.stubFor(get("/users/me").willReturn(aResponse().withStatus(500)));

        CalendlyApiException e = catchThrowableOfType(CalendlyApiException.class, client::currentUser);

        assertThat(e.code()).isEqualTo(CalendlyApiException.UNAVAILABLE);
        calendly.verify(4, getRequestedFor(urlEqualTo("/users/me")));
    }

    @Test
    void givesUpOnRateLimitsAfterTheRetryBound() {
        calendly.stubFor(get("/users/me").willReturn(aResponse().withStatus(429).withHeader("X-RateLimit-Reset", "1")));

        CalendlyApiException e = catchThrowableOfType(CalendlyApiException.class, client::currentUser);

        assertThat(e.code()).isEqualTo(CalendlyApiException.RATE_LIMITED);
        assertThat(sleeper.waits).hasSize(3);
    }

    @Test
    void doesNotRetryACreateThatMayHaveBeenApplied() {
        calendly.stubFor(post("/webhook_subscriptions").willReturn(aResponse().withStatus(500)));

        CalendlyApiException e = catchThrowableOfType(CalendlyApiException.class,
                () -> client.createWebhookSubscription(new NewWebhookSubscription("https://a.example/hook",
                        List.of("invitee.created"), ORG, null, null, SubscriptionScope.ORGANIZATION, "k3y")));

        assertThat(e.code()).isEqualTo(CalendlyApiException.UNAVAILABLE);
        calendly.verify(1, postRequestedFor(urlEqualTo("/webhook_subscriptions")));
    }

    @Test
    void retriesACreateRefusedWith503() {
        calendly.stubFor(post("/webhook_subscriptions").inScenario("busy").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("ready"));
        calendly.stubFor(post("/webhook_subscriptions").inScenario("busy").whenScenarioStateIs("ready")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(resource(subscription("NEW", "https://a.example/hook", "active", null,
                                "invitee.created")))));

        WebhookSubscription created = client.createWebhookSubscription(new NewWebhookSubscription(
                "https://a.example/hook", List.of("invitee.created"), ORG, null, null,
                SubscriptionScope.ORGANIZATION, "k3y"));

        assertThat(created.uuid()).isEqualTo("NEW");
        calendly.verify(2, postRequestedFor(urlEqualTo("/webhook_subscriptions")));
    }

    @Test
    void carriesCalendlysTitleAndMessageForOtherClientErrors() {
        calendly.stubFor(post("/webhook_subscriptions").willReturn(aResponse().withStatus(400).withBody(
                "{\"title\":\"Invalid Argument\",\"message\":\"The supplied parameters are invalid.\","
                        + "\"details\":[{\"parameter\":\"url\",\"message\":\"must be https\"}]}")));

        CalendlyApiException e = catchThrowableOfType(CalendlyApiException.class,
                () -> client.createWebhookSubscription(new NewWebhookSubscription("https://a.example/hook",
                        List.of("invitee.created"), ORG, null, null, SubscriptionScope.ORGANIZATION, "k3y")));

        assertThat(e.code()).isEqualTo(CalendlyApiException.REJECTED);
        assertThat(e.title()).isEqualTo("Invalid Argument");
        assertThat(e.getMessage()).contains("The supplied parameters are invalid.").contains("must be https")
                .doesNotContain("k3y");
    }

    @Test
    void listsScheduledEventsInTheRangeAcrossPages() {
        String query = "/scheduled_events?organization=" + enc(ORG) + "&min_start_time=2026-01-01T00%3A00%3A00Z"
                + "&max_start_time=2026-01-08T00%3A00%3A00Z&sort=start_time%3Aasc&count=100";
        calendly.stubFor(get(urlEqualTo(query)).willReturn(okJson(page("P2", event("E1", "active")))));
        calendly.stubFor(get(urlEqualTo(query + "&page_token=P2")).willReturn(okJson(page(null,
                event("E2", "canceled")))));

        List<CalendlyScheduledEvent> events = client.scheduledEvents(new ScheduledEventQuery(ORG, null,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-08T00:00:00Z"), null));

        assertThat(events).extracting(CalendlyScheduledEvent::uuid).containsExactly("E1", "E2");
        assertThat(events.get(1).canceled()).isTrue();
    }

    @Test
    void listsInviteesOfAnEventAcrossPages() {
        calendly.stubFor(get(urlEqualTo("/scheduled_events/E1/invitees?count=100"))
                .willReturn(okJson(page("I2", invitee("I1")))));
        calendly.stubFor(get(urlEqualTo("/scheduled_events/E1/invitees?count=100&page_token=I2"))
                .willReturn(okJson(page(null, invitee("I2")))));

        List<CalendlyInvitee> invitees = client.invitees(API + "/scheduled_events/E1");

        assertThat(invitees).extracting(CalendlyInvitee::uri)
                .containsExactly(API + "/scheduled_events/E1/invitees/I1", API + "/scheduled_events/E1/invitees/I2");
    }

    @Test
    void fetchesSampleWebhookData() {
        calendly.stubFor(get(urlEqualTo("/sample_webhook_data?event=invitee.created&organization=" + enc(ORG)
                + "&user=" + enc(USER) + "&scope=user")).willReturn(okJson("{\"event\":\"invitee.created\"}")));

        String sample = client.sampleWebhookData("invitee.created", ORG, USER, SubscriptionScope.USER);

        assertThat(sample).isEqualTo("{\"event\":\"invitee.created\"}");
    }

    @Test
    void neverShowsTheTokenInToString() {
        assertThat(client.toString()).doesNotContain(TOKEN).contains("127.0.0.1");
    }

    private static String pageWithOnlyNextPage(String item) {
        return "{\"collection\":[" + item + "],\"pagination\":{\"count\":1,\"next_page\":\"" + API
                + "/webhook_subscriptions?count=100&page_token=T3\",\"previous_page\":null}}";
    }

    private static String event(String uuid, String status) {
        return "{\"uri\":\"" + API + "/scheduled_events/" + uuid + "\",\"name\":\"Consultation\",\"status\":\""
                + status + "\",\"start_time\":\"2026-01-02T10:00:00.000000Z\","
                + "\"end_time\":\"2026-01-02T10:30:00.000000Z\",\"event_type\":\"" + API + "/event_types/T1\"}";
    }

    private static String invitee(String uuid) {
        return "{\"uri\":\"" + API + "/scheduled_events/E1/invitees/" + uuid + "\",\"name\":\"Guest\","
                + "\"status\":\"active\",\"rescheduled\":false}";
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
