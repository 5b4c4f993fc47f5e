package io.github.calendlywebhook.dashboard.read;

import io.github.calendlywebhook.core.ip.ClientKeys;
import io.github.calendlywebhook.core.store.ProjectingEventStore;
import io.github.calendlywebhook.core.ratelimit.Bandwidth;
import io.github.calendlywebhook.core.ratelimit.RateLimitDecision;
import io.github.calendlywebhook.core.ratelimit.RateLimiter;
import io.github.calendlywebhook.dashboard.config.DashboardProperties;
import io.github.calendlywebhook.dashboard.live.ChangeBus;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/leads}: records a lead (a contact form, an ad click) so the booking rate has a
 * denominator. Authenticated by {@code Authorization: Bearer <DASHBOARD_LEADS_TOKEN>}, compared in
 * constant time, and rate-limited per client key (an IPv4 address or an IPv6 /64, the webhook's own
 * {@link ClientKeys}). A lead with an {@code id} is recorded once.
 */
@RestController
class LeadsController {

    /**
     * The optional body.
     *
     * @param id a stable id making repeated posts of one lead count once; random when absent
     * @param occurredAt when the lead happened; now when absent
     * @param test whether it is a test lead, kept out of the numbers like test deliveries
     */
    record LeadRequest(@Nullable String id, @Nullable Instant occurredAt, @Nullable Boolean test) {
    }

    private final ProjectingEventStore recorder;
    private final ChangeBus changes;
    private final Clock clock;
    private final byte @Nullable [] token;
    private final RateLimiter limiter;
    private final ClientKeys clientKeys;

    LeadsController(ProjectingEventStore recorder, ChangeBus changes, DashboardProperties properties, Clock clock,
            ClientKeys clientKeys) {
        this.clientKeys = clientKeys;
        this.recorder = recorder;
        this.changes = changes;
        this.clock = clock;
        String configured = properties.leadsToken();
        this.token = configured == null || configured.isBlank() ? null : configured.getBytes(StandardCharsets.UTF_8);
        this.limiter = RateLimiter.builder().limit(Bandwidth.perMinute(properties.leadsPerMinute()))
                .maximumKeys(10_000).clock(clock).build();
    }

    @PostMapping(value = "/api/leads", produces = "application/json")
    ResponseEntity<Map<String, Object>> record(@RequestHeader(value = "Authorization", required = false)
            @Nullable String authorization, @RequestBody(required = false) @Nullable LeadRequest body,
            HttpServletRequest request) {
        if (token == null) {
            return error(HttpStatus.FORBIDDEN, "leads_disabled", "Set DASHBOARD_LEADS_TOKEN to enable this endpoint.");
        }
        RateLimitDecision decision = limiter.tryAcquire(clientKeys.of(request.getRemoteAddr()));
        if (!decision.allowed()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", Long.toString(decision.retryAfterSeconds()))
                    .body(Map.of("error", "rate_limited", "message", "Too many leads from this address; retry later."));
        }
        if (!authorized(authorization)) {
            return error(HttpStatus.UNAUTHORIZED, "unauthorized", "A valid bearer token is required.");
        }
        String id = body == null || body.id() == null || body.id().isBlank() ? UUID.randomUUID().toString()
                : body.id().trim();
        Instant at = body == null || body.occurredAt() == null ? clock.instant() : body.occurredAt();
        boolean test = body != null && Boolean.TRUE.equals(body.test());
        boolean recorded = recorder.recordLead(id, at, test);
        if (recorded) {
            changes.publish("lead");
        }
        return ResponseEntity.status(recorded ? HttpStatus.CREATED : HttpStatus.OK)
                .body(Map.of("id", id, "recorded", recorded));
    }

    private boolean authorized(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7) || token == null) {
            return false;
        }
        byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(sha256(given), sha256(token));
    }

    private static byte[] sha256(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("error", code, "message", message));
    }
}
