package io.github.calendlywebhook.dashboard.live;

import io.github.calendlywebhook.dashboard.read.ReportPeriod;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/stream?period=...}: Server-Sent Events with a full snapshot on every (re)connect and
 * after every change. Proxies are told not to buffer ({@code X-Accel-Buffering: no}) and the stream is
 * never compressed, so each event reaches the browser at once.
 */
@RestController
class StreamController {

    private final SseHub hub;

    StreamController(SseHub hub) {
        this.hub = hub;
    }

    @GetMapping(value = "/api/stream", produces = "text/event-stream")
    ResponseEntity<?> stream(@RequestParam(defaultValue = "today") String period, HttpServletResponse response) {
        ReportPeriod reportPeriod = ReportPeriod.fromCode(period).orElse(null);
        if (reportPeriod == null) {
            return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .body(Map.of("error", "invalid_period", "message", "period must be one of today, 7d, 30d, all"));
        }
        return hub.open(reportPeriod.code())
                .<ResponseEntity<?>>map(emitter -> ResponseEntity.ok()
                        .header("X-Accel-Buffering", "no")
                        .header("Cache-Control", "no-cache, no-transform")
                        .body(emitter))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .header("Retry-After", "10")
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .body(Map.of("error", "too_many_streams",
                                "message", "Too many live streams are open; the page falls back to polling.")));
    }
}
