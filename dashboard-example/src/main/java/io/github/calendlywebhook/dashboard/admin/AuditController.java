package io.github.calendlywebhook.dashboard.admin;

import io.github.calendlywebhook.core.audit.AuditEntry;
import io.github.calendlywebhook.core.audit.AuditPage;
import io.github.calendlywebhook.core.audit.AuditQuery;
import io.github.calendlywebhook.core.audit.AuditRepository;
import io.github.calendlywebhook.dashboard.settings.SettingsRepository;
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

    private final AuditRepository audit;
    private final SettingsRepository settings;

    AuditController(AuditRepository audit, SettingsRepository settings) {
        this.audit = audit;
        this.settings = settings;
    }

    @GetMapping(value = "/admin/api/audit", produces = "application/json")
    ResponseEntity<?> page(@RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String event, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "25") int size) {
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int pageNumber = Math.max(0, Math.min(page, 100_000));
        AuditQuery query;
        try {
            query = query(action, event, from, to).page(pageNumber * pageSize, pageSize).build();
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("error", "invalid_filter",
                    "message", "Dates are YYYY-MM-DD and 'to' is not before 'from'."));
        }
        AuditPage result = audit.query(query);
        return ResponseEntity.ok(Map.of("entries", result.entries().stream().map(AuditView::of).toList(),
                "page", pageNumber, "size", pageSize, "total", result.total()));
    }

    @GetMapping("/admin/audit.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String event, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        CsvWriter csv = new CsvWriter().row(List.of("time", "kind", "action", "status", "client_address", "event",
                "event_key", "detail", "processing_ms", "source", "count"));
        for (int offset = 0; offset < MAX_CSV_ROWS; offset += AuditQuery.MAX_LIMIT) {
            AuditPage page = audit.query(query(action, event, from, to).page(offset, AuditQuery.MAX_LIMIT).build());
            for (AuditEntry entry : page.entries()) {
                AuditView v = AuditView.of(entry);
                csv.row(new ArrayList<>(Arrays.asList(v.at(), v.kind(), v.action(), v.status(), v.clientAddress(),
                        v.eventName(), v.eventKey(), v.detail(), v.processingMs(), v.source(), v.count())));
            }
            if (!page.hasMore()) {
                break;
            }
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-log.csv\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private AuditQuery.Builder query(@Nullable String action, @Nullable String event, @Nullable String from,
            @Nullable String to) {
        ZoneId zone = settings.current().zone();
        String fromDay = blankToNull(from);
        String toDay = blankToNull(to);
        return AuditQuery.builder()
                .action(blankToNull(action))
                .eventName(blankToNull(event))
                .from(fromDay == null ? null : LocalDate.parse(fromDay).atStartOfDay(zone).toInstant())
                .to(toDay == null ? null : LocalDate.parse(toDay).plusDays(1).atStartOfDay(zone).toInstant());
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
