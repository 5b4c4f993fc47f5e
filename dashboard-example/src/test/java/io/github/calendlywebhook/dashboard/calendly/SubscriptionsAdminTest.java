package io.github.calendlywebhook.dashboard.calendly;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.calendlywebhook.core.signature.SignatureVerifier;
import io.github.calendlywebhook.core.signature.WebhookSigner;
import io.github.calendlywebhook.dashboard.support.Browserless;
import io.github.calendlywebhook.dashboard.support.Payloads;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Subscriptions admin page against a stubbed Calendly API, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:subscriptions-admin;DB_CLOSE_DELAY=-1",
        "dashboard.admin-password=subscriptions-password",
        "calendly.webhook.secret=configured-secret",
        "dashboard.calendly.api-token=" + CalendlyStubs.TOKEN,
        "dashboard.calendly.public-url=https://dash.example.com",
        "dashboard.calendly.check-interval=0s",
        "dashboard.calendly.previous-key-grace=0s" })
@ExtendWith(OutputCaptureExtension.class)
class SubscriptionsAdminTest {

    private static final String PASSWORD = "subscriptions-password";
    /** Each test logs in from its own address, so the login throttle never counts them together. */
    private static final AtomicInteger ADMINS = new AtomicInteger();

    @RegisterExtension
    static WireMockExtension calendly = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @DynamicPropertySource
    static void calendlyApi(DynamicPropertyRegistry registry) {
        registry.add("dashboard.calendly.api-base-url", () -> "http://127.0.0.1:" + calendly.getPort());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SubscriptionService subscriptions;

    private Browserless admin;

    @BeforeEach
    void logIn() {
        CalendlyStubs.me(calendly);
        CalendlyStubs.deletes(calendly);
        admin = new Browserless(port, "198.51.100." + (40 + ADMINS.incrementAndGet()));
        admin.login(PASSWORD);
    }

    private String target() {
        return "https://dash.example.com/api/webhooks/calendly";
    }

    private List<String> auditDetails(String action) {
        return jdbc.queryForList("SELECT detail FROM calendly_audit WHERE action = ?", String.class, action);
    }

    private HttpResponse<String> press(String action) {
        String token = admin.csrfFrom("/admin/subscriptions");
        return admin.postForm("/admin/subscriptions/" + action, Map.of("_csrf", token));
    }

    @Test
    void pageShouldListTheSubscriptionsOfEveryPageWithTheirStates() {
        CalendlyStubs.subscriptionPages(calendly,
                List.of(CalendlyStubs.subscription("S1", "https://a.example/hook", "active", null)),
                List.of(CalendlyStubs.subscription("S2", "https://b.example/hook", "disabled", null)),
                List.of(CalendlyStubs.subscription("S3", "https://c.example/hook", "active",
                        "2026-11-27T08:00:00.000000Z")));

        String page = admin.get("/admin/subscriptions").body();

        assertThat(page).contains("https://a.example/hook", "https://b.example/hook", "https://c.example/hook");
        assertThat(page).contains("data-state=\"active\"", "data-state=\"disabled\"", "data-state=\"retrying\"");
        assertThat(page).contains("2026-11-27T08:00:00Z").contains("invitee_no_show.deleted").contains("organization");
        assertThat(page).doesNotContain(CalendlyStubs.TOKEN);
    }

    @Test
    void registerWebhookShouldCreateASubscriptionWhoseNewKeyVerifiesADeliveryAtOnce(CapturedOutput output) {
        CalendlyStubs.subscriptionPages(calendly, List.of());
        CalendlyStubs.create(calendly, "NEW1");

        HttpResponse<String> register = press("register");

        assertThat(register.statusCode()).isEqualTo(302);
        List<String> keys = CalendlyStubs.sentSigningKeys(calendly);
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0)).hasSize(64);
        HttpResponse<String> delivery = new Browserless(port, "203.0.113.40").postSigned(keys.get(0),
                Payloads.created("reg-1", "Grace Hopper", Instant.now()));
        assertThat(delivery.statusCode()).isEqualTo(200);
        assertThat(admin.get("/admin/subscriptions").body()).doesNotContain(keys.get(0));
        assertThat(auditDetails(SubscriptionsController.REGISTER)).anySatisfy(detail ->
                assertThat(detail).contains("created").contains(target()).doesNotContain(keys.get(0)));
        assertThat(output.getAll()).doesNotContain(keys.get(0)).doesNotContain(CalendlyStubs.TOKEN);
    }

    @Test
    void registerWebhookShouldCreateTheReplacementBeforeDeletingADisabledSubscription() {
        CalendlyStubs.subscriptionPages(calendly,
                List.of(CalendlyStubs.subscription("DEAD", target(), "disabled", null)));
        CalendlyStubs.create(calendly, "FRESH");

        press("register");

        // The journal lists the newest first, in the order the requests arrived; their logged times have
        // millisecond resolution and cannot order two requests of the same millisecond.
        List<LoggedRequest> writes = new java.util.ArrayList<>(calendly.getAllServeEvents().stream()
                .map(e -> e.getRequest()).filter(r -> !"GET".equals(r.getMethod().getName())).toList());
        java.util.Collections.reverse(writes);
        assertThat(writes).extracting(r -> r.getMethod().getName() + " " + r.getUrl())
                .containsExactly("POST /webhook_subscriptions", "DELETE /webhook_subscriptions/DEAD");
        assertThat(writes.get(0).getBodyAsString()).contains("\"url\":\"" + target() + "?rotation=");
    }

    @Test
    void registerWebhookShouldMakeTheTestWebhookButtonSignWithTheNewKey() {
        CalendlyStubs.subscriptionPages(calendly, List.of());
        CalendlyStubs.create(calendly, "TEST1");
        press("register");
        String token = admin.csrfFrom("/admin/subscriptions");

        HttpResponse<String> test = admin.send(admin.request("/admin/api/test-webhook").header("X-CSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(test.statusCode()).isEqualTo(200);
        assertThat(test.body()).contains("\"status\":200");
        assertThat(new Browserless(port, "203.0.113.42").postSigned("configured-secret",
                Payloads.created("cfg-1", "Ada", Instant.now())).statusCode()).isEqualTo(401);
    }

    @Test
    void rotateSecretShouldAcceptTheOldKeyUntilTheOldSubscriptionIsGone() {
        CalendlyStubs.subscriptionPages(calendly, List.of());
        CalendlyStubs.create(calendly, "ROT1");
        press("register");
        String oldKey = CalendlyStubs.sentSigningKeys(calendly).get(0);
        calendly.resetAll();
        CalendlyStubs.me(calendly);
        calendly.stubFor(WireMock.delete(
                WireMock.urlPathMatching("/webhook_subscriptions/.+"))
                .willReturn(WireMock.aResponse().withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"title\":\"Invalid Argument\",\"message\":\"try later\"}")));
        CalendlyStubs.subscriptionPages(calendly,
                List.of(CalendlyStubs.subscription("ROT1", target(), "active", null)));
        CalendlyStubs.create(calendly, "ROT2");

        HttpResponse<String> rotate = press("rotate");

        assertThat(rotate.statusCode()).isEqualTo(302);
        String newKey = CalendlyStubs.sentSigningKeys(calendly).get(0);
        assertThat(newKey).isNotEqualTo(oldKey);
        Browserless calendlyClient = new Browserless(port, "203.0.113.41");
        assertThat(calendlyClient.postSigned(oldKey, Payloads.created("rot-old", "Ada", Instant.now())).statusCode())
                .isEqualTo(200);
        assertThat(calendlyClient.postSigned(newKey, Payloads.created("rot-new", "Ada", Instant.now())).statusCode())
                .isEqualTo(200);
        String rotatedUrl = calendly.findAll(WireMock.postRequestedFor(
                WireMock.urlPathEqualTo("/webhook_subscriptions"))).get(0)
                .getBodyAsString().replaceAll(".*\"url\":\"([^\"]+)\".*", "$1");
        assertThat(rotatedUrl).startsWith(target() + "?rotation=");
        assertThat(postSignedTo(calendlyClient, rotatedUrl, newKey, Payloads.created("rot-query", "Ada", Instant.now()))
                .statusCode()).isEqualTo(200);
        CalendlyStubs.subscriptionPages(calendly, List.of(CalendlyStubs.subscription("ROT2",
                target() + "?rotation=1", "active", null)));
        subscriptions.check();
        assertThat(calendlyClient.postSigned(oldKey, Payloads.created("rot-late", "Ada", Instant.now())).statusCode())
                .isEqualTo(401);
        assertThat(calendlyClient.postSigned(newKey, Payloads.created("rot-next", "Ada", Instant.now())).statusCode())
                .isEqualTo(200);
    }

    private static HttpResponse<String> postSignedTo(Browserless client, String url, String key, byte[] body) {
        String path = url.substring(url.indexOf("/api/"));
        return client.send(client.request(path).header("Content-Type", "application/json")
                .header(SignatureVerifier.HEADER,
                        new WebhookSigner(key, Clock.systemUTC())
                                .sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    @Test
    void scheduledCheckShouldWarnWhenTheRegisteredSubscriptionNoLongerExists() {
        CalendlyStubs.subscriptionPages(calendly, List.of());
        CalendlyStubs.create(calendly, "VANISHED");
        press("register");

        subscriptions.check();

        assertThat(admin.get("/admin/subscriptions").body())
                .contains("the Calendly webhook subscription is disabled: nothing is delivered");
    }

    @Test
    void registerWithoutCsrfTokenShouldBeRejected() {
        CalendlyStubs.subscriptionPages(calendly, List.of());
        CalendlyStubs.create(calendly, "NOPE");

        HttpResponse<String> forged = admin.postForm("/admin/subscriptions/register", Map.of());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(CalendlyStubs.sentSigningKeys(calendly)).isEmpty();
    }
}
