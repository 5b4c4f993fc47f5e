package io.github.calendlywebhook.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.dashboard.support.Browserless;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Actuator's endpoints are the admin's: anonymous requests are refused, the admin's session and Basic work. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:actuator-access;DB_CLOSE_DELAY=-1",
        "dashboard.admin-password=" + ActuatorAccessTest.PASSWORD,
        "calendly.webhook.secret=actuator-access-secret" })
class ActuatorAccessTest {

    static final String PASSWORD = "actuator admin password 7f3a";

    @LocalServerPort
    int port;

    @Test
    void anonymousRequestsToEveryEndpointShouldBeRefusedWithJson() {
        Browserless anonymous = new Browserless(port, "198.51.100.40");
        for (String path : new String[] {"/actuator", "/actuator/health", "/actuator/info", "/actuator/metrics",
                "/actuator/prometheus"}) {
            HttpResponse<String> response = anonymous.get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.body()).as(path).contains("\"error\":\"unauthorized\"");
        }
    }

    @Test
    void wrongBasicPasswordShouldBeRefused() {
        Browserless stranger = new Browserless(port, "198.51.100.41");

        HttpResponse<String> response = stranger.send(stranger.request("/actuator/prometheus")
                .header("Authorization", basic("guess")).build());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void basicGuessesShouldMeetTheLoginThrottleSoEvenTheRightPasswordWaits() {
        Browserless guesser = new Browserless(port, "198.51.100.44");
        for (int i = 0; i < 6; i++) {
            guesser.send(guesser.request("/actuator/prometheus").header("Authorization", basic("guess-" + i)).build());
        }

        HttpResponse<String> right = guesser.send(guesser.request("/actuator/prometheus")
                .header("Authorization", basic(PASSWORD)).build());

        assertThat(right.statusCode()).isEqualTo(401);
        assertThat(right.body()).doesNotContain("calendly_webhook");
    }

    @Test
    void prometheusShouldScrapeTheWebhookMetersWithTheAdminPasswordOverBasic() {
        Browserless prometheus = new Browserless(port, "198.51.100.42");

        HttpResponse<String> response = prometheus.send(prometheus.request("/actuator/prometheus")
                .header("Authorization", basic(PASSWORD)).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("calendly_webhook");
    }

    @Test
    void loggedInAdminShouldSeeHealthWithDetailsInfoAndMetrics() {
        Browserless admin = new Browserless(port, "198.51.100.43");
        admin.login(PASSWORD);

        HttpResponse<String> health = admin.get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"", "calendlyWebhook");
        assertThat(admin.get("/actuator/info").statusCode()).isEqualTo(200);
        assertThat(admin.get("/actuator/metrics").body()).contains("calendly.webhook");
    }

    @Test
    void prometheusShouldTimeRequestsButNotEachSecurityFilter() {
        Browserless caller = new Browserless(port, "198.51.100.45");
        caller.postSigned("not-the-secret", "{}".getBytes(StandardCharsets.UTF_8));
        caller.get("/admin/login");

        String scrape = caller.send(caller.request("/actuator/prometheus").header("Authorization", basic(PASSWORD))
                .build()).body();

        // Spring Security's observations time every filter of every chain on every request: about a tenth
        // of a delivery's request-thread time under load, for meters nobody reads. Requests stay timed as a whole.
        assertThat(scrape).contains("http_server_requests_seconds_count").doesNotContain("spring_security_");
    }

    private static String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    }
}
