package io.github.calendlywebhook.dashboard.admin;

import io.github.calendlywebhook.core.audit.AuditQuery;
import io.github.calendlywebhook.core.audit.AuditRepository;
import io.github.calendlywebhook.core.signature.SignatureHeaders;
import io.github.calendlywebhook.core.signature.WebhookSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * The Test Webhook button: signs a sample {@code invitee.created} (marked {@code "test": true}) with the
 * current secret and posts it to this application's own endpoint over loopback HTTP, so the delivery
 * passes every real check (allowlist, rate limit, signature, parsing, storage) exactly like one from
 * Calendly. It therefore arrives from {@code 127.0.0.1}: with an allowlist configured, that address must
 * be allowed too, which the result explains when it is not.
 */
@Service
public class TestWebhookService {

    /**
     * What the test showed.
     *
     * @param status the HTTP status the endpoint answered, or 0 when it could not be reached
     * @param body the response body (never contains a secret)
     * @param entry the audit entry the delivery produced, if found
     * @param hint advice when the status is not 200
     */
    public record Result(int status, String body, @Nullable AuditView entry, @Nullable String hint) {
    }

    private final Environment environment;
    private final AuditRepository audit;
    private final AdminAudit adminAudit;
    private final Clock clock;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile int port = -1;

    TestWebhookService(Environment environment, AuditRepository audit, AdminAudit adminAudit, Clock clock) {
        this.environment = environment;
        this.audit = audit;
        this.adminAudit = adminAudit;
        this.clock = clock;
    }

    @EventListener
    void onWebServer(WebServerInitializedEvent event) {
        port = event.getWebServer().getPort();
    }

    /**
     * Sends one signed test delivery.
     *
     * @param adminAddress the address of the admin who pressed the button, for the audit log
     * @return the result
     * @throws InterruptedException when interrupted while waiting for the answer
     */
    public Result send(String adminAddress) throws InterruptedException {
        UUID id = UUID.randomUUID();
        Instant sentAt = clock.instant().minusSeconds(1);
        byte[] body = SamplePayloads.inviteeCreated(id, clock.instant());
        String secret = environment.getRequiredProperty("calendly.webhook.secret");
        String path = environment.getProperty("calendly.webhook.path", "/api/webhooks/calendly");
        String contextPath = environment.getProperty("server.servlet.context-path", "");
        URI uri = URI.create("http://127.0.0.1:" + port + contextPath + path);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header(SignatureHeaders.CALENDLY, new WebhookSigner(secret, clock).sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        int status;
        String answer;
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            answer = response.body();
        } catch (IOException e) {
            status = 0;
            answer = "The endpoint could not be reached: " + e.getMessage();
        }
        adminAudit.record(AdminAudit.TEST_SENT, adminAddress, "endpoint answered " + status);
        String key = "invitee.created|" + SamplePayloads.inviteeUri(id);
        AuditView entry = audit.query(AuditQuery.builder().from(sentAt).page(0, 100).build()).entries().stream()
                .filter(e -> key.equals(e.eventKey())).findFirst().map(AuditView::of).orElse(null);
        return new Result(status, answer, entry, hint(status));
    }

    private static @Nullable String hint(int status) {
        switch (status) {
            case 200:
                return null;
            case 403:
                return "The allowlist (ALLOWED_IPS) does not include this server's own address: Test Webhook sends"
                        + " from 127.0.0.1 through the real endpoint. Add 127.0.0.1/32 to ALLOWED_IPS to use it.";
            case 429:
                return "The endpoint's rate limit for 127.0.0.1 is used up; wait a minute and try again.";
            case 401:
                return "The signature was refused: the secret in use changed while the test was sent.";
            case 503:
                return "The database is unavailable; Calendly would retry such a delivery later.";
            default:
                return "Unexpected answer; see the application log.";
        }
    }
}
