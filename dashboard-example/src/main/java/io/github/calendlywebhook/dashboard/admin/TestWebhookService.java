package io.github.calendlywebhook.dashboard.admin;

import io.github.calendlywebhook.core.audit.AuditQuery;
import io.github.calendlywebhook.core.audit.AuditRepository;
import io.github.calendlywebhook.core.event.CalendlyEventParser;
import io.github.calendlywebhook.core.keys.RotatingSigningKeys;
import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.pipeline.WebhookResponse;
import io.github.calendlywebhook.core.signature.SignatureVerifier;
import io.github.calendlywebhook.core.signature.WebhookSigner;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The Test Webhook button: signs a sample {@code invitee.created} (marked {@code "test": true}) with the
 * current secret and hands it to the webhook processor in process. The signature, parsing and storage run
 * exactly as for a delivery from Calendly; the network checks (allowlist, rate limit) do not, because the
 * delivery never came from the network, so the button works whatever {@code ALLOWED_IPS} says and nobody
 * has to allow loopback. Nothing an outside client sends can take this path: only this admin-only service
 * calls it. The delivery is audited as an admin test.
 */
@Service
public class TestWebhookService {

    /**
     * What the test showed.
     *
     * @param status the HTTP status the endpoint would have answered
     * @param body the response body (never contains a secret)
     * @param entry the audit entry the delivery produced, if found
     * @param hint advice when the status is not 200
     */
    public record Result(int status, String body, @Nullable AuditView entry, @Nullable String hint) {
    }

    private final WebhookProcessor processor;
    private final AuditRepository audit;
    private final AdminAudit adminAudit;
    private final Clock clock;
    private final RotatingSigningKeys signingKeys;
    private final CalendlyEventParser parser = CalendlyEventParser.create();

    TestWebhookService(WebhookProcessor processor, AuditRepository audit, AdminAudit adminAudit, Clock clock,
            RotatingSigningKeys signingKeys) {
        this.processor = processor;
        this.signingKeys = signingKeys;
        this.audit = audit;
        this.adminAudit = adminAudit;
        this.clock = clock;
    }

    /**
     * Sends one signed test delivery.
     *
     * @param adminAddress the address of the admin who pressed the button, for the audit log
     * @return the result
     */
    public Result send(String adminAddress) {
        UUID id = UUID.randomUUID();
        Instant sentAt = clock.instant().minusSeconds(1);
        byte[] body = SamplePayloads.inviteeCreated(id, clock.instant());
        String signature = new WebhookSigner(signingKeys.currentSecret(), clock).sign(body);
        WebhookResponse response = processor.processTestDelivery(Map.of("Content-Type", List.of("application/json"),
                SignatureVerifier.HEADER, List.of(signature)), body, adminAddress);
        adminAudit.record(AdminAudit.TEST_SENT, adminAddress, "endpoint answered " + response.status());
        String key = parser.parse(body).idempotencyKey();
        AuditView entry = audit.query(AuditQuery.builder().from(sentAt).page(0, 100).build()).entries().stream()
                .filter(e -> key.equals(e.eventKey())).findFirst().map(AuditView::of).orElse(null);
        return new Result(response.status(), response.body(), entry, hint(response.status()));
    }

    private static @Nullable String hint(int status) {
        switch (status) {
            case 200:
                return null;
            case 401:
                return "The signature was refused: the secret in use changed while the test was sent.";
            case 503:
                return "The database is unavailable; Calendly would retry such a delivery later.";
            default:
                return "Unexpected answer; see the application log.";
        }
    }
}
