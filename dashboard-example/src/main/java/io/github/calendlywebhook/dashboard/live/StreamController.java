package io.github.calendlywebhook.dashboard.live;

import io.github.calendlywebhook.core.ip.ClientKeys;
import io.github.calendlywebhook.dashboard.admin.RefusalAudit;
import io.github.calendlywebhook.dashboard.read.ReportPeriod;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

    /** The audit action of a refused stream. */
    static final String REFUSED = "stream.refused";

    private final SseHub hub;
    private final ClientKeys clientKeys;
    private final RefusalAudit audit;

    StreamController(SseHub hub, ObjectProvider<ClientKeys> clientKeys, RefusalAudit audit) {
        this.hub = hub;
        this.audit = audit;
        this.clientKeys = clientKeys.getIfUnique(ClientKeys::ofDefaults);
    }

    @GetMapping(value = "/api/stream", produces = "text/event-stream")
    ResponseEntity<?> stream(@RequestParam(defaultValue = "today") String period, HttpServletRequest request) {
        ReportPeriod reportPeriod = ReportPeriod.fromCode(period).orElse(null);
        if (reportPeriod == null) {
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("error", "invalid_period", "message", "period must be one of today, 7d, 30d, all"));
        }
        String client = clientKeys.of(request.getRemoteAddr());
        return hub.open(reportPeriod.code(), client)
                .<ResponseEntity<?>>map(emitter -> ResponseEntity.ok()
                        .header("X-Accel-Buffering", "no")
                        .header("Cache-Control", "no-cache, no-transform")
                        .body(emitter))
                .orElseGet(() -> refused(client, request));
    }

    private ResponseEntity<?> refused(String client, HttpServletRequest request) {
        boolean clientCap = hub.clientFull(client);
        audit.record(REFUSED, request.getRemoteAddr(), clientCap ? "client cap" : "global cap");
        if (clientCap) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "30")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("error", "too_many_streams_for_client",
                            "message", "This client has too many live streams open; close a page or wait."));
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "10")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", "too_many_streams",
                        "message", "Too many live streams are open; the page falls back to polling."));
    }
}
