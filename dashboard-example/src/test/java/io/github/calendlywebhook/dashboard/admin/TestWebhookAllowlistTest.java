package io.github.calendlywebhook.dashboard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.dashboard.support.Browserless;
import io.github.calendlywebhook.dashboard.support.Payloads;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Test Webhook button under an allowlist that admits neither loopback nor the admin: the test
 * delivery is handed to the processor in process, so it is stored, while the same signed delivery over
 * the network from loopback is still refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:test-webhook-allowlist;DB_CLOSE_DELAY=-1",
        "dashboard.admin-password=correct horse battery staple",
        "calendly.webhook.secret=test-webhook-allowlist-secret",
        "calendly.webhook.allowed-ips=192.0.2.0/24" })
class TestWebhookAllowlistTest {

    private static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;

    @Test
    void theButtonShouldStoreItsDeliveryWithoutLoopbackInTheAllowlist() {
        Browserless admin = new Browserless(port, "198.51.100.30");
        admin.login(PASSWORD);
        String token = admin.csrfFrom("/admin");

        HttpResponse<String> pressed = admin.send(admin.request("/admin/api/test-webhook").header("X-CSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(pressed.statusCode()).isEqualTo(200);
        assertThat(pressed.body()).contains("\"status\":200").contains("\"source\":\"test\"")
                .contains("\"clientAddress\":\"in-process\"").doesNotContain("ALLOWED_IPS");
    }

    @Test
    void aSignedDeliveryFromOutsideTheAllowlistShouldStillBeRefused() {
        Browserless outsider = new Browserless(port, "198.51.100.31");

        HttpResponse<String> delivery = outsider.postSigned("test-webhook-allowlist-secret",
                Payloads.created("allowlist-1", "Ada", Instant.now()));

        assertThat(delivery.statusCode()).isEqualTo(403);
    }
}
