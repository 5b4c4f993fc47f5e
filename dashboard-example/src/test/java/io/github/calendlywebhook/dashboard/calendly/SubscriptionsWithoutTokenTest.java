package io.github.calendlywebhook.dashboard.calendly;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.dashboard.support.Browserless;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Without {@code CALENDLY_API_TOKEN} the dashboard runs and the Subscriptions page explains the manual path. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:read-api-numbers;DB_CLOSE_DELAY=-1",
        "dashboard.admin-password=numbers-password",
        "calendly.webhook.secret=numbers-secret",
        "dashboard.public-page=true",
        "dashboard.value-per-booking=150",
        "dashboard.currency=EUR",
        "dashboard.leads-token=numbers-leads-token" })
class SubscriptionsWithoutTokenTest {

    @LocalServerPort
    int port;

    @Test
    void subscriptionsPageWithoutTokenShouldExplainHowToSetItAndTheManualPath() {
        Browserless admin = new Browserless(port, "198.51.100.70");
        admin.login("numbers-password");

        HttpResponse<String> page = admin.get("/admin/subscriptions");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("CALENDLY_API_TOKEN", "The manual path", "CALENDLY_WEBHOOK_SECRET",
                "https://yourdomain.com/api/webhooks/calendly", "DASHBOARD_PUBLIC_URL")
                .doesNotContain("127.0.0.1:" + port).doesNotContain("id=\"register-webhook\"");
    }

    @Test
    void registerWithoutTokenShouldExplainThatTheTokenIsMissing() {
        Browserless admin = new Browserless(port, "198.51.100.71");
        admin.login("numbers-password");
        String token = admin.csrfFrom("/admin/subscriptions");

        HttpResponse<String> register = admin.postForm("/admin/subscriptions/register", Map.of("_csrf", token));

        assertThat(register.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/subscriptions").body()).contains("CALENDLY_API_TOKEN is not set");
    }
}
