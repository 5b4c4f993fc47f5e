package io.github.calendlywebhook.dashboard.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Delivery health for the admin panel: the last accepted delivery, outcomes of the last 24 hours, and
 * warnings for the rejections that mean a misconfiguration. Calendly disables a subscription after 24
 * hours of failed deliveries, so these deserve attention the same day.
 */
@Service
public class DeliveryHealth {

    /**
     * The health summary.
     *
     * @param lastAccepted the last accepted delivery, if any
     * @param last24h delivery counts by outcome code over the last 24 hours
     * @param warnings human-readable warnings, empty when healthy
     */
    public record Summary(@Nullable AuditView lastAccepted, Map<String, Long> last24h, List<String> warnings) {
    }

    private final JdbcAuditTrail trail;
    private final Clock clock;

    DeliveryHealth(JdbcAuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /** Returns the current summary. */
    public Summary summary() {
        Instant now = clock.instant();
        Map<String, Long> counts = trail.deliveryCountsSince(now.minus(Duration.ofHours(24)));
        List<String> warnings = new ArrayList<>();
        warn(warnings, counts, "invalid_signature", "signature failures (401): check that CALENDLY_WEBHOOK_SECRET"
                + " matches the signing key of the Calendly subscription");
        warn(warnings, counts, "forbidden", "refused client addresses (403): check ALLOWED_IPS and the trusted"
                + " proxies if the dashboard runs behind a reverse proxy");
        warn(warnings, counts, "rate_limited", "rate-limited deliveries (429): Calendly retries them, but check for"
                + " duplicate subscriptions or raise the rate limit");
        warn(warnings, counts, "store_unavailable", "deliveries refused because the database was unavailable (503)");
        return new Summary(trail.latest("accepted").map(AuditView::of).orElse(null), counts, List.copyOf(warnings));
    }

    private static void warn(List<String> warnings, Map<String, Long> counts, String code, String text) {
        long count = counts.getOrDefault(code, 0L);
        if (count > 0) {
            warnings.add(count + " " + text + ". Calendly disables a subscription after 24 hours of failures.");
        }
    }
}
