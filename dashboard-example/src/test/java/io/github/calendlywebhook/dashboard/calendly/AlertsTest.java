package io.github.calendlywebhook.dashboard.calendly;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.calendlywebhook.core.api.health.DeliveryHealthMonitor;
import io.github.calendlywebhook.core.health.DeliveryHealthTracker;
import io.github.calendlywebhook.dashboard.support.Browserless;
import io.github.calendlywebhook.dashboard.support.Payloads;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Delivery-health alerts from the scheduled subscription check to a Slack-compatible target, and a
 * failing target that changes nothing for deliveries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:alerts;DB_CLOSE_DELAY=-1",
        "dashboard.admin-password=alerts-password",
        "calendly.webhook.secret=" + AlertsTest.SECRET,
        "dashboard.calendly.api-token=" + CalendlyStubs.TOKEN,
        "dashboard.calendly.public-url=https://dash.example.com",
        "dashboard.calendly.alert-timeout=1s",
        "dashboard.calendly.alert-min-interval=0s",
        "dashboard.calendly.check-interval=0s" })
class AlertsTest {

    static final String SECRET = "alerts-secret";
    private static final String URL = "https://dash.example.com/api/webhooks/calendly";

    @RegisterExtension
    static WireMockExtension calendly = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @RegisterExtension
    static WireMockExtension alerts = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @DynamicPropertySource
    static void urls(DynamicPropertyRegistry registry) {
        registry.add("dashboard.calendly.api-base-url", () -> "http://127.0.0.1:" + calendly.getPort());
        registry.add("dashboard.calendly.alert-webhook-url", () -> "http://127.0.0.1:" + alerts.getPort() + "/alert");
    }

    @LocalServerPort
    int port;

    @Autowired
    SubscriptionService subscriptions;

    @Autowired
    DeliveryHealthMonitor monitor;

    @Autowired
    DeliveryHealthTracker tracker;

    @BeforeEach
    void stubCalendly() {
        CalendlyStubs.me(calendly);
    }

    private void subscriptionIs(String state, String retryStartedAt) {
        CalendlyStubs.subscriptionPages(calendly,
                List.of(CalendlyStubs.subscription("MINE", URL, state, retryStartedAt),
                        CalendlyStubs.subscription("OTHER", "https://other.example/hook", "disabled", null)));
    }

    @Test
    void alertsShouldBePostedOncePerDegradationAndOnceOnRecovery() {
        alerts.stubFor(target().willReturn(aResponse().withStatus(200)));
        subscriptionIs("disabled", null);

        subscriptions.check();
        subscriptions.check();
        subscriptionIs("active", null);
        subscriptions.check();

        List<LoggedRequest> posted = awaitAlerts("disabled", 2);
        assertThat(posted).hasSize(2);
        assertThat(posted).anySatisfy(r -> assertThat(r.getBodyAsString()).contains("degraded"));
        assertThat(posted).anySatisfy(r -> assertThat(r.getBodyAsString()).contains("recovered"));
        assertThat(posted).allSatisfy(r -> assertThat(r.getBodyAsString()).startsWith("{\"text\":")
                .doesNotContain(SECRET).doesNotContain(CalendlyStubs.TOKEN));
    }

    @Test
    void aBurstOfForgedDeliveriesShouldBeAlertedFromTheStartersDeliveryHealthTracker() {
        alerts.stubFor(target().willReturn(aResponse().withStatus(200)));

        for (int i = 0; i < 10; i++) {
            new Browserless(port, "203.0.113." + (100 + i)).postSigned("not-the-secret",
                    Payloads.created("burst-" + i, "Eve", Instant.now()));
        }

        assertThat(monitor.tracker()).isSameAs(tracker);
        assertThat(awaitAlerts("signature verification", 1)).allSatisfy(r -> assertThat(r.getBodyAsString())
                .contains("degraded").doesNotContain(SECRET));
    }

    @Test
    void anAlertTargetAnswering500ShouldChangeNothingForDeliveries() {
        alerts.stubFor(target().willReturn(aResponse().withStatus(500)));

        assertDeliveriesUnaffectedWhileAlerting("fail500");
    }

    @Test
    void anAlertTargetTimingOutShouldChangeNothingForDeliveries() {
        alerts.stubFor(target().willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));

        assertDeliveriesUnaffectedWhileAlerting("slow");
    }

    private void assertDeliveriesUnaffectedWhileAlerting(String id) {
        subscriptionIs("active", "2026-11-28T06:00:00.000000Z");
        subscriptions.check();
        awaitAlerts("retrying", 1);

        Browserless calendlyClient = new Browserless(port, "203.0.113.60");
        HttpResponse<String> accepted = calendlyClient.postSigned(SECRET, Payloads.created(id, "Ada", Instant.now()));
        HttpResponse<String> duplicate = calendlyClient.postSigned(SECRET, Payloads.created(id, "Ada", Instant.now()));
        HttpResponse<String> forged = calendlyClient.postSigned("wrong", Payloads.created(id + "-x", "Ada",
                Instant.now()));

        subscriptionIs("active", null);
        subscriptions.check();
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).contains("accepted");
        assertThat(duplicate.body()).contains("duplicate");
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    private static MappingBuilder target() {
        return post(urlEqualTo("/alert"));
    }

    /** Waits, up to a minute, for the asynchronous alert posts mentioning a word to reach the target. */
    private static List<LoggedRequest> awaitAlerts(String word, int count) {
        for (int i = 0; i < 1_200; i++) {
            List<LoggedRequest> posted = alerts.findAll(postRequestedFor(urlEqualTo("/alert"))
                    .withRequestBody(containing(word)));
            if (posted.size() >= count) {
                return posted;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("fewer than " + count + " alerts about " + word + " arrived");
    }
}
