package io.github.calendlywebhook.dashboard.read;

import io.github.calendlywebhook.core.ip.ClientKeys;
import io.github.calendlywebhook.core.ratelimit.Bandwidth;
import io.github.calendlywebhook.core.ratelimit.RateLimitDecision;
import io.github.calendlywebhook.core.ratelimit.RateLimiter;
import io.github.calendlywebhook.dashboard.admin.RefusalAudit;
import io.github.calendlywebhook.dashboard.config.DashboardProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/metrics?period=today|7d|30d|all}: the numbers the page shows. */
@RestController
class MetricsController {

    /** The audit action of a refused read. */
    static final String RATE_LIMITED = "read.rate_limited";

    private final MetricsService metrics;
    private final RateLimiter limiter;
    private final ClientKeys clientKeys;
    private final RefusalAudit audit;

    MetricsController(MetricsService metrics, DashboardProperties properties, Clock clock,
            ObjectProvider<ClientKeys> clientKeys, RefusalAudit audit) {
        this.metrics = metrics;
        this.audit = audit;
        this.limiter = RateLimiter.builder().limit(Bandwidth.perMinute(properties.metricsPerMinute()))
                .maximumKeys(10_000).clock(clock).build();
        this.clientKeys = clientKeys.getIfUnique(ClientKeys::ofDefaults);
    }

    @GetMapping(value = "/api/metrics", produces = "application/json")
    ResponseEntity<?> metrics(@RequestParam(defaultValue = "today") String period, HttpServletRequest request) {
        RateLimitDecision decision = limiter.tryAcquire(clientKeys.of(request.getRemoteAddr()));
        if (!decision.allowed()) {
            audit.record(RATE_LIMITED, request.getRemoteAddr(), "GET /api/metrics");
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", Long.toString(decision.retryAfterSeconds()))
                    .body(Map.of("error", "rate_limited", "message", "Too many requests for the numbers; the page"
                            + " needs one every few seconds at most."));
        }
        return ReportPeriod.fromCode(period)
                .<ResponseEntity<?>>map(p -> ResponseEntity.ok()
                        .header("Cache-Control", "no-store")
                        .body(metrics.snapshot(p)))
                .orElseGet(() -> ResponseEntity.badRequest().body(Map.of("error", "invalid_period",
                        "message", "period must be one of today, 7d, 30d, all")));
    }
}
