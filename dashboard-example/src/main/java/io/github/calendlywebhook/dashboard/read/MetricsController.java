package io.github.calendlywebhook.dashboard.read;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/metrics?period=today|7d|30d|all}: the numbers the page shows. */
@RestController
class MetricsController {

    private final MetricsService metrics;

    MetricsController(MetricsService metrics) {
        this.metrics = metrics;
    }

    @GetMapping(value = "/api/metrics", produces = "application/json")
    ResponseEntity<?> metrics(@RequestParam(defaultValue = "today") String period) {
        return ReportPeriod.fromCode(period)
                .<ResponseEntity<?>>map(p -> ResponseEntity.ok()
                        .header("Cache-Control", "no-store")
                        .body(metrics.snapshot(p)))
                .orElseGet(() -> ResponseEntity.badRequest().body(Map.of("error", "invalid_period",
                        "message", "period must be one of today, 7d, 30d, all")));
    }
}
