package io.github.calendlywebhook.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.signature.SignatureVerifier;
import io.github.calendlywebhook.core.signature.WebhookSigner;
import io.github.calendlywebhook.dashboard.support.Browserless;
import io.github.calendlywebhook.dashboard.support.Payloads;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A changed {@code calendly.webhook.path} reaches every part of the dashboard through the starter's settings. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:webhook-path;DB_CLOSE_DELAY=-1",
        "dashboard.admin-password=webhook-path-password",
        "calendly.webhook.secret=webhook-path-secret",
        "calendly.webhook.path=/hooks/calendly-custom" })
class WebhookPathTest {

    private static final String PATH = "/hooks/calendly-custom";

    @LocalServerPort
    int port;

    @Test
    void aSignedDeliveryToTheConfiguredPathIsAcceptedWithoutALoginOrACsrfToken() {
        Browserless client = new Browserless(port, "203.0.113.71");
        byte[] body = Payloads.created("path-1", "Ada Lovelace", Instant.now());

        HttpResponse<String> answer = client.send(client.request(PATH).header("Content-Type", "application/json")
                .header(SignatureVerifier.HEADER, new WebhookSigner("webhook-path-secret", Clock.systemUTC()).sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());

        assertThat(answer.statusCode()).isEqualTo(200);
    }

    @Test
    void theAdminPagesShowTheConfiguredPath() {
        Browserless admin = new Browserless(port, "203.0.113.72");
        admin.login("webhook-path-password");

        assertThat(admin.get("/admin").body()).contains(PATH).doesNotContain("/api/webhooks/calendly");
        assertThat(admin.get("/admin/subscriptions").body()).contains("https://yourdomain.com" + PATH);
    }
}
