package io.github.calendlywebhook.dashboard.admin;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log as JSON pages for the admin panel, and as a CSV download. */
@RestController
class AuditController {

    private static final int MAX_PAGE_SIZE = 200;
    private static final int MAX_CSV_ROWS = 100_000;

    private final JdbcAuditTrail trail;
    private final io.github.calendlywebhook.dashboard.settings.SettingsRepository settings;

    AuditController(JdbcAuditTrail trail, io.github.calendlywebhook.dashboard.settings.SettingsRepository settings) {
        this.trail = trail;
        this.settings = settings;
    }

    @GetMapping(value = "/admin/api/audit", produces = "application/json")
    ResponseEntity<?> page(@RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String event, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "25") int size) {
        AuditFilter filter;
        try {
            filter = filter(action, event, from, to);
        } catch (DateTimeParseException e) {
            return ResponseEntity.badRequest().body(Map.of("error", "invalid_date", "message", "Dates are YYYY-MM-DD."));
        }
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int pageNumber = Math.max(0, page);
        List<AuditView> entries = trail.find(filter, (long) pageNumber * pageSize, pageSize).stream()
                .map(AuditView::of).toList();
        return ResponseEntity.ok(Map.of("entries", entries, "page", pageNumber, "size", pageSize,
                "total", trail.count(filter)));
    }

    @GetMapping("/admin/audit.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String event, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        AuditFilter filter = filter(action, event, from, to);
        CsvWriter csv = new CsvWriter().row(List.of("id", "time", "kind", "action", "status", "client_address",
                "event", "event_key", "detail", "processing_ms", "source", "count"));
        for (AuditRecord record : trail.find(filter, 0, MAX_CSV_ROWS)) {
            AuditView v = AuditView.of(record);
            csv.row(new ArrayList<>(Arrays.asList(v.id(), v.at(), v.kind(), v.action(), v.status(), v.clientAddress(),
                    v.eventName(), v.eventKey(), v.detail(), v.processingMs(), v.source(), v.count())));
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-log.csv\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private AuditFilter filter(@Nullable String action, @Nullable String event, @Nullable String from,
            @Nullable String to) {
        ZoneId zone = settings.current().zone();
        return new AuditFilter(blankToNull(action), blankToNull(event),
                blankToNull(from) == null ? null : LocalDate.parse(from.trim()).atStartOfDay(zone).toInstant(),
                blankToNull(to) == null ? null : LocalDate.parse(to.trim()).plusDays(1).atStartOfDay(zone).toInstant());
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
