package io.github.calendlywebhook.core.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.calendlywebhook.core.api.CalendlyFixtures.page;
import static io.github.calendlywebhook.core.api.CalendlyFixtures.resource;
import static io.github.calendlywebhook.core.api.CalendlyFixtures.subscription;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebhookSubscriptionManagerTest {

    private static final String URL = "https://hooks.example.com/api/webhooks/calendly";
    private static final List<String> EVENTS = List.of("invitee.created", "invitee.canceled");
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final String VARIANT = URL + "?rotation=" + NOW.getEpochSecond();

    @RegisterExtension
    static WireMockExtension calendly = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private WebhookSubscriptionManager manager;

    @BeforeEach
    void setUp() {
        manager = WebhookSubscriptionManager.create(
                CalendlyFixtures.client(calendly, new CalendlyFixtures.RecordingSleeper()), new SecureRandom(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        calendly.stubFor(get("/users/me").willReturn(okJson(CalendlyFixtures.me())));
        calendly.stubFor(delete(urlPathEqualTo("/webhook_subscriptions/OLD")).willReturn(aResponse().withStatus(204)));
    }

    @Test
    void createsASubscriptionWithAFreshSigningKeyWhenNoneExists() {
        listReturns(page(null));
        createReturns("NEW", URL);

        EnsureResult result = manager.ensure(URL, EVENTS, SubscriptionScope.ORGANIZATION);

        assertThat(result.action()).isEqualTo(EnsureResult.Action.CREATED);
        assertThat(result.signingKey()).isNotNull();
        String key = result.signingKey().value();
        assertThat(key).matches("[0-9a-f]{64}");
        calendly.verify(postRequestedFor(urlEqualTo("/webhook_subscriptions"))
                .withRequestBody(matchingJsonPath("$.signing_key", com.github.tomakehurst.wiremock.client.WireMock
                        .equalTo(key)))
                .withRequestBody(matchingJsonPath("$.url", com.github.tomakehurst.wiremock.client.WireMock
                        .equalTo(URL))));
    }

    @Test
    void createsNothingOnTheSecondCall() {
        calendly.stubFor(list().inScenario("ensure").whenScenarioStateIs("Started").willReturn(okJson(page(null))));
        calendly.stubFor(post("/webhook_subscriptions").inScenario("ensure").whenScenarioStateIs("Started")
                .willReturn(created("NEW", URL)).willSetStateTo("created"));
        calendly.stubFor(list().inScenario("ensure").whenScenarioStateIs("created").willReturn(okJson(page(null,
                subscription("NEW", URL, "active", null, "invitee.created", "invitee.canceled")))));

        EnsureResult first = manager.ensure(URL, EVENTS, SubscriptionScope.ORGANIZATION);
        EnsureResult second = manager.ensure(URL, EVENTS, SubscriptionScope.ORGANIZATION);

        assertThat(first.created()).isTrue();
        assertThat(second.action()).isEqualTo(EnsureResult.Action.UNCHANGED);
        assertThat(second.signingKey()).isNull();
        calendly.verify(1, postRequestedFor(urlEqualTo("/webhook_subscriptions")));
    }

    @Test
    void repairsADisabledSubscriptionByCreatingBeforeDeleting() {
        listReturns(page(null, subscription("OLD", URL, "disabled", null, "invitee.created", "invitee.canceled")));
        createReturns("NEW", URL);

        EnsureResult result = manager.ensure(URL, EVENTS, SubscriptionScope.ORGANIZATION);

        assertThat(result.action()).isEqualTo(EnsureResult.Action.REPAIRED);
        assertThat(result.deliveryGap()).isFalse();
        assertThat(result.removed()).extracting(WebhookSubscription::uuid).containsExactly("OLD");
        assertThat(writes()).containsExactly("POST /webhook_subscriptions", "DELETE /webhook_subscriptions/OLD");
    }

    @Test
    void repairsASubscriptionWhoseDeliveriesAreBeingRetried() {
        listReturns(page(null, subscription("OLD", URL, "active", "2026-01-05T08:00:00.000000Z",
                "invitee.created", "invitee.canceled")));
        createReturns("NEW", URL);

        EnsureResult result = manager.ensure(URL, EVENTS, SubscriptionScope.ORGANIZATION);

        assertThat(result.subscription().uuid()).isEqualTo("NEW");
        assertThat(writes()).containsExactly("POST /webhook_subscriptions", "DELETE /webhook_subscriptions/OLD");
    }

    @Test
    void deletesFirstOnlyWhenCalendlyRefusesTheSameUrlTwice() {
        listReturns(page(null, subscription("OLD", URL, "disabled", null, "invitee.created", "invitee.canceled")));
        calendly.stubFor(post("/webhook_subscriptions").inScenario("dup").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(409).withBody(
                        "{\"title\":\"Already Exists\",\"message\":\"Hook with this url already exists\"}"))
                .willSetStateTo("refused"));
        calendly.stubFor(post("/webhook_subscriptions").inScenario("dup").whenScenarioStateIs("refused")
                .willReturn(created("NEW", URL)));

        EnsureResult result = manager.ensure(URL, EVENTS, SubscriptionScope.ORGANIZATION);

        assertThat(result.deliveryGap()).isTrue();
        assertThat(result.subscription().uuid()).isEqualTo("NEW");
        assertThat(writes()).containsExactly("POST /webhook_subscriptions", "DELETE /webhook_subscriptions/OLD",
                "POST /webhook_subscriptions");
    }

    @Test
    void replacesAnActiveSubscriptionMissingAnEvent() {
        listReturns(page(null, subscription("OLD", URL, "active", null, "invitee.created")));
        createReturns("NEW", URL);

        EnsureResult result = manager.ensure(URL, EVENTS, SubscriptionScope.ORGANIZATION);

        assertThat(result.action()).isEqualTo(EnsureResult.Action.REPAIRED);
        assertThat(result.created()).isTrue();
    }

    @Test
    void registersTheNewUrlBeforeRemovingTheOldOne() {
        String newUrl = "https://new.example.com/api/webhooks/calendly";
        listReturns(page(null, subscription("OLD", URL, "active", null, "invitee.created", "invitee.canceled")));
        createReturns("NEW", newUrl);

        EnsureResult result = manager.changeUrl(URL, newUrl, EVENTS, SubscriptionScope.ORGANIZATION);

        assertThat(result.action()).isEqualTo(EnsureResult.Action.MOVED);
        assertThat(result.signingKey()).isNotNull();
        assertThat(result.removed()).extracting(WebhookSubscription::uuid).containsExactly("OLD");
        assertThat(writes()).containsExactly("POST /webhook_subscriptions", "DELETE /webhook_subscriptions/OLD");
    }

    @Test
    void returnsTheNewKeyEvenWhenTheOldSubscriptionCannotBeDeleted() {
        listReturns(page(null, subscription("STUCK", URL, "disabled", null, "invitee.created", "invitee.canceled")));
        createReturns("NEW", URL);
        calendly.stubFor(delete(urlPathEqualTo("/webhook_subscriptions/STUCK"))
                .willReturn(aResponse().withStatus(500)));

        EnsureResult result = manager.ensure(URL, EVENTS, SubscriptionScope.ORGANIZATION);

        assertThat(result.signingKey()).isNotNull();
        assertThat(result.subscription().uuid()).isEqualTo("NEW");
        assertThat(result.removed()).isEmpty();
    }

    @Test
    void deletesADisabledLeftoverBesideAHealthySubscription() {
        listReturns(page(null, subscription("OLD", URL, "disabled", null, "invitee.created", "invitee.canceled"),
                subscription("GOOD", URL, "active", null, "invitee.created", "invitee.canceled")));

        EnsureResult result = manager.ensure(URL, EVENTS, SubscriptionScope.ORGANIZATION);

        assertThat(result.action()).isEqualTo(EnsureResult.Action.UNCHANGED);
        assertThat(result.subscription().uuid()).isEqualTo("GOOD");
        assertThat(writes()).containsExactly("DELETE /webhook_subscriptions/OLD");
    }

    @Test
    void listsOnlyTheSubscriptionsAtTheCallbackUrl() {
        listReturns(page(null, subscription("MINE", URL, "disabled", null, "invitee.created"),
                subscription("OTHER", "https://other.example/hook", "active", null, "invitee.created")));

        List<WebhookSubscription> mine = manager.subscriptions(URL, SubscriptionScope.ORGANIZATION);

        assertThat(mine).extracting(WebhookSubscription::uuid).containsExactly("MINE");
    }

    @Test
    void refusesPlainHttpCallbackUrlsBeforeCallingCalendly() {
        assertThatThrownBy(() -> manager.ensure("http://hooks.example.com/x", EVENTS, SubscriptionScope.ORGANIZATION))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");

        assertThat(calendly.getAllServeEvents()).isEmpty();
    }

    @Test
    void acceptsPlainHttpToLoopback() {
        String local = "http://127.0.0.1:8080/api/webhooks/calendly";
        listReturns(page(null));
        createReturns("NEW", local);

        EnsureResult result = manager.ensure(local, EVENTS, SubscriptionScope.ORGANIZATION);

        assertThat(result.subscription().callbackUrl()).isEqualTo(local);
    }

    @Test
    void repairsAtARotationVariantBecauseCalendlyRefusesTheSameUrlTwice() {
        listReturns(page(null, subscription("OLD", URL, "disabled", null, "invitee.created", "invitee.canceled")));
        createReturns("NEW", VARIANT);

        manager.ensure(URL, EVENTS, SubscriptionScope.ORGANIZATION);

        assertThat(createdUrls()).containsExactly(VARIANT);
    }

    @Test
    void repairsAtThePlainUrlWhenOnlyAVariantOfItIsTaken() {
        listReturns(page(null, subscription("OLD", VARIANT, "disabled", null, "invitee.created",
                "invitee.canceled")));
        createReturns("NEW", URL);

        EnsureResult result = manager.ensure(URL, EVENTS, SubscriptionScope.ORGANIZATION);

        assertThat(result.action()).isEqualTo(EnsureResult.Action.REPAIRED);
        assertThat(createdUrls()).containsExactly(URL);
        assertThat(result.removed()).extracting(WebhookSubscription::uuid).containsExactly("OLD");
    }

    @Test
    void keepsAHealthySubscriptionAtARotationVariant() {
        listReturns(page(null, subscription("GOOD", VARIANT, "active", null, "invitee.created",
                "invitee.canceled")));

        EnsureResult result = manager.ensure(URL, EVENTS, SubscriptionScope.ORGANIZATION);

        assertThat(result.action()).isEqualTo(EnsureResult.Action.UNCHANGED);
        assertThat(result.subscription().uuid()).isEqualTo("GOOD");
        assertThat(writes()).isEmpty();
    }

    @Test
    void rotatesAHealthySubscriptionToANewKeyCreatingBeforeDeleting() {
        listReturns(page(null, subscription("OLD", URL, "active", null, "invitee.created", "invitee.canceled")));
        createReturns("NEW", VARIANT);

        EnsureResult result = manager.rotate(URL, EVENTS, SubscriptionScope.ORGANIZATION);

        assertThat(result.action()).isEqualTo(EnsureResult.Action.ROTATED);
        assertThat(result.signingKey()).isNotNull();
        assertThat(result.deliveryGap()).isFalse();
        assertThat(result.removed()).extracting(WebhookSubscription::uuid).containsExactly("OLD");
        assertThat(createdUrls()).containsExactly(VARIANT);
        assertThat(writes()).containsExactly("POST /webhook_subscriptions", "DELETE /webhook_subscriptions/OLD");
    }

    @Test
    void refusesToMoveToAVariantOfTheSameEndpoint() {
        assertThatThrownBy(() -> manager.changeUrl(URL, VARIANT, EVENTS, SubscriptionScope.ORGANIZATION))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reaches the old endpoint");

        assertThat(calendly.getAllServeEvents()).isEmpty();
    }

    @Test
    void listsTheSubscriptionsAtEveryVariantOfTheEndpoint() {
        listReturns(page(null, subscription("PLAIN", URL, "active", null, "invitee.created"),
                subscription("ROTATED", VARIANT, "active", null, "invitee.created"),
                subscription("OTHER", "https://other.example/hook", "active", null, "invitee.created")));

        List<WebhookSubscription> mine = manager.subscriptions(URL, SubscriptionScope.ORGANIZATION);

        assertThat(mine).extracting(WebhookSubscription::uuid).containsExactly("PLAIN", "ROTATED");
    }

    private static MappingBuilder list() {
        return get(urlPathEqualTo("/webhook_subscriptions"));
    }

    private static void listReturns(String page) {
        calendly.stubFor(list().willReturn(okJson(page)));
    }

    private static void createReturns(String uuid, String url) {
        calendly.stubFor(post("/webhook_subscriptions").willReturn(created(uuid, url)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created(String uuid, String url) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(resource(subscription(uuid, url, "active", null, "invitee.created", "invitee.canceled")));
    }

    /** Returns the callback URLs of the subscriptions Calendly was asked to create, in order. */
    private static List<String> createdUrls() {
        return requestsInOrder().stream()
                .filter(request -> request.getMethod().getName().equals("POST"))
                .map(request -> request.getBodyAsString().replaceAll(".*\"url\":\"([^\"]+)\".*", "$1"))
                .collect(Collectors.toList());
    }

    /** Returns the requests Calendly received, in the order it received them (the journal lists newest first). */
    private static List<LoggedRequest> requestsInOrder() {
        List<ServeEvent> newestFirst = new ArrayList<>(calendly.getAllServeEvents());
        Collections.reverse(newestFirst);
        return newestFirst.stream().map(ServeEvent::getRequest).collect(Collectors.toList());
    }

    /** Returns the writes Calendly received, in order. */
    private static List<String> writes() {
        return requestsInOrder().stream()
                .filter(request -> !request.getMethod().getName().equals("GET"))
                .map(request -> request.getMethod().getName() + " " + request.getUrl())
                .collect(Collectors.toList());
    }

}
