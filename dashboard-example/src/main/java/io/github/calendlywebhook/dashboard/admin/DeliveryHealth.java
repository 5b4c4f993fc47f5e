package io.github.calendlywebhook.dashboard.admin;

import io.github.calendlywebhook.core.audit.AuditQuery;
import io.github.calendlywebhook.core.audit.AuditRepository;
import io.github.calendlywebhook.core.audit.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    private final AuditRepository audit;
    private final Clock clock;

    DeliveryHealth(AuditRepository audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** Returns the current summary. */
    public Summary summary() {
        Map<String, Long> counts = new TreeMap<>();
        audit.countByOutcome(clock.instant().minus(Duration.ofHours(24)))
                .forEach((outcome, count) -> counts.put(outcome.code(), count));
        List<String> warnings = new ArrayList<>();
        warn(warnings, counts, Outcome.INVALID_SIGNATURE, "signature failures (401): check that"
                + " CALENDLY_WEBHOOK_SECRET matches the signing key of the Calendly subscription");
        warn(warnings, counts, Outcome.FORBIDDEN, "refused client addresses (403): check ALLOWED_IPS and the trusted"
                + " proxies if the dashboard runs behind a reverse proxy");
        warn(warnings, counts, Outcome.FORWARDING_HEADERS_INVALID, "requests from a trusted proxy with forged or"
                + " unreadable forwarding headers (403): check what the proxy writes, or whether someone spoofs them");
        warn(warnings, counts, Outcome.RATE_LIMITED, "rate-limited deliveries (429): Calendly retries them, but check"
                + " for duplicate subscriptions or raise the rate limit");
        warn(warnings, counts, Outcome.STORE_UNAVAILABLE, "deliveries refused because the database was unavailable"
                + " (503)");
        AuditView last = audit.query(AuditQuery.builder().outcome(Outcome.ACCEPTED).page(0, 1).build()).entries()
                .stream().findFirst().map(AuditView::of).orElse(null);
        return new Summary(last, counts, List.copyOf(warnings));
    }

    private static void warn(List<String> warnings, Map<String, Long> counts, Outcome outcome, String text) {
        long count = counts.getOrDefault(outcome.code(), 0L);
        if (count > 0) {
            warnings.add(count + " " + text + ". Calendly disables a subscription after 24 hours of failures.");
        }
    }
}
