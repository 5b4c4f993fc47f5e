package io.github.calendlywebhook.dashboard.calendly;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.calendlywebhook.core.testing.OutageScenario;
import io.github.calendlywebhook.dashboard.DashboardApplication;
import io.github.calendlywebhook.dashboard.support.Browserless;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A dashboard that missed deliveries during an outage, backfilled from the stubbed Calendly API through
 * the admin page, shows exactly the numbers of a twin dashboard that received every live delivery.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:backfill-numbers;DB_CLOSE_DELAY=-1",
        "dashboard.admin-password=backfill-password",
        "calendly.webhook.secret=" + BackfillNumbersTest.SECRET,
        "dashboard.calendly.api-token=" + CalendlyStubs.TOKEN,
        "dashboard.calendly.check-interval=0s" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackfillNumbersTest {

    private static final OutageScenario SCENARIO = new OutageScenario(YearMonth.of(2026, 11), 20, "USD");

    static final String SECRET = "backfill-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

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

    private Browserless admin;

    @BeforeEach
    void logIn() {
        CalendlyStubs.me(calendly);
        SCENARIO.stubApi(calendly);
        admin = new Browserless(port, "198.51.100.50");
        admin.login("backfill-password");
    }

    @Test
    @Order(1)
    void backfillAfterAnOutageShouldGiveExactlyTheNumbersLiveDeliveriesGive() throws Exception {
        JsonNode live = liveTwinMetrics();
        Browserless calendlyClient = new Browserless(port, "203.0.113.50");
        SCENARIO.liveDeliveries().subList(0, 2).forEach(body ->
                assertThat(calendlyClient.postSigned(SECRET, body).statusCode()).isEqualTo(200));

        JsonNode status = backfill(7);

        assertThat(status.get("state").asText()).isEqualTo("DONE");
        assertThat(status.get("summary").get("stored").asInt()).isEqualTo(4);
        assertThat(status.get("summary").get("duplicates").asInt()).isEqualTo(2);
        assertThat(live.get("bookedAppointments").asLong()).isEqualTo(2);
        assertThat(live.get("cancellations").asLong()).isEqualTo(1);
        assertThat(live.get("reschedules").asLong()).isEqualTo(1);
        assertThat(numbers(admin)).isEqualTo(live);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM calendly_audit WHERE source = 'BACKFILL'", Long.class))
                .isEqualTo(6);
        assertThat(jdbc.queryForList("SELECT detail FROM calendly_audit WHERE action = ?", String.class,
                SubscriptionsController.BACKFILL)).containsExactly("last 7 days");
    }

    @Test
    @Order(2)
    void aSecondBackfillShouldChangeNothing() throws Exception {
        backfill(7);
        JsonNode before = numbers(admin);

        JsonNode again = backfill(7);

        assertThat(again.get("summary").get("stored").asInt()).isZero();
        assertThat(again.get("summary").get("duplicates").asInt()).isEqualTo(6);
        assertThat(numbers(admin)).isEqualTo(before);
    }

    private JsonNode backfill(int days) throws Exception {
        String token = admin.csrfFrom("/admin/subscriptions");
        assertThat(admin.postForm("/admin/subscriptions/backfill", Map.of("_csrf", token, "days",
                Integer.toString(days))).statusCode()).isEqualTo(302);
        for (int i = 0; i < 300; i++) {
            JsonNode status = JSON.readTree(admin.get("/admin/subscriptions/backfill").body());
            if (!"RUNNING".equals(status.get("state").asText())) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the backfill did not finish");
    }

    /** Starts a second dashboard that receives every live delivery, and returns its numbers. */
    private static JsonNode liveTwinMetrics() throws Exception {
        try (ConfigurableApplicationContext twin = new SpringApplicationBuilder(DashboardApplication.class).run(
                "--server.port=0", "--spring.datasource.url=jdbc:h2:mem:backfill-live-twin;DB_CLOSE_DELAY=-1",
                "--dashboard.admin-password=twin-password", "--calendly.webhook.secret=" + SECRET)) {
            int port = Integer.parseInt(twin.getEnvironment().getRequiredProperty("local.server.port"));
            Browserless calendlyClient = new Browserless(port, "203.0.113.51");
            for (byte[] body : SCENARIO.liveDeliveries()) {
                assertThat(calendlyClient.postSigned(SECRET, body).statusCode()).isEqualTo(200);
            }
            Browserless twinAdmin = new Browserless(port, "198.51.100.51");
            twinAdmin.login("twin-password");
            return numbers(twinAdmin);
        }
    }

    private static JsonNode numbers(Browserless client) throws Exception {
        ObjectNode metrics = (ObjectNode) JSON.readTree(client.get("/api/metrics?period=all").body());
        metrics.remove(List.of("generatedAt"));
        return metrics;
    }
}
