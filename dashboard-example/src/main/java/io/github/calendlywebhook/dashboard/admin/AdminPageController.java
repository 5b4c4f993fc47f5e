package io.github.calendlywebhook.dashboard.admin;

import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.core.store.ProjectingEventStore;
import io.github.calendlywebhook.dashboard.live.ChangeBus;
import io.github.calendlywebhook.dashboard.settings.DashboardSettings;
import io.github.calendlywebhook.dashboard.settings.SettingsInput;
import io.github.calendlywebhook.dashboard.settings.SettingsRepository;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin panel's pages: login, overview (Test Webhook and delivery health), audit log and settings. */
@Controller
class AdminPageController {

    /**
     * One event type row of the settings form.
     *
     * @param key the event type key
     * @param name its display name
     * @param value its own value, or {@code null} when it uses the default
     */
    record EventTypeValue(String key, String name, @Nullable BigDecimal value) {
    }

    private final SettingsRepository settings;
    private final ProjectingEventStore counters;
    private final AdminAudit audit;
    private final ChangeBus changes;
    private final String webhookPath;

    AdminPageController(SettingsRepository settings, ProjectingEventStore counters, AdminAudit audit, ChangeBus changes,
            WebhookSettings webhook) {
        this.settings = settings;
        this.counters = counters;
        this.audit = audit;
        this.changes = changes;
        this.webhookPath = webhook.path();
    }

    @GetMapping("/admin/login")
    String login() {
        return "admin/login";
    }

    @GetMapping({"/admin", "/admin/"})
    String overview(Model model) {
        model.addAttribute("page", "overview");
        model.addAttribute("webhookPath", webhookPath);
        return "admin/overview";
    }

    @GetMapping("/admin/audit")
    String audit(Model model) {
        model.addAttribute("page", "audit");
        return "admin/audit";
    }

    @GetMapping("/admin/settings")
    String settings(Model model) {
        DashboardSettings current = settings.current();
        Map<String, String> names = new TreeMap<>(counters.eventTypeNames());
        current.valuePerEventType().keySet().forEach(key -> names.putIfAbsent(key, key));
        List<EventTypeValue> rows = new ArrayList<>();
        names.forEach((key, name) -> rows.add(new EventTypeValue(key, name == null ? key : name,
                current.valuePerEventType().get(key))));
        model.addAttribute("page", "settings");
        model.addAttribute("settings", current);
        model.addAttribute("eventTypes", rows);
        return "admin/settings";
    }

    @PostMapping("/admin/settings")
    String saveSettings(@RequestParam String valuePerBooking, @RequestParam String currency,
            @RequestParam String timezone, @RequestParam(defaultValue = "false") boolean includeTestEvents,
            @RequestParam(required = false) @Nullable List<String> typeKey,
            @RequestParam(required = false) @Nullable List<String> typeValue, HttpServletRequest request,
            RedirectAttributes redirect) {
        DashboardSettings before = settings.current();
        List<String> problems = new ArrayList<>();
        String code = parse(problems, () -> SettingsInput.currency(currency), before.currency());
        BigDecimal defaultValue = parse(problems, () -> SettingsInput.amount(valuePerBooking, code), BigDecimal.ZERO);
        ZoneId zone = parse(problems, () -> SettingsInput.zone(timezone), before.zone());
        Map<String, BigDecimal> perType = new LinkedHashMap<>();
        List<String> keys = typeKey == null ? List.of() : typeKey;
        List<String> values = typeValue == null ? List.of() : typeValue;
        if (keys.size() > SettingsInput.MAX_EVENT_TYPES || values.size() > SettingsInput.MAX_EVENT_TYPES) {
            problems.add("at most " + SettingsInput.MAX_EVENT_TYPES + " event types can have a value of their own");
        } else {
            for (int i = 0; i < keys.size() && i < values.size(); i++) {
                String value = values.get(i);
                if (keys.get(i).length() > SettingsInput.MAX_KEY_LENGTH) {
                    problems.add("an event type key is too long");
                } else if (!value.isBlank()) {
                    perType.put(keys.get(i), parse(problems, () -> SettingsInput.amount(value, code), BigDecimal.ZERO));
                }
            }
        }
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("error", "Not saved: " + String.join("; ", new LinkedHashSet<>(problems)) + ".");
            return "redirect:/admin/settings";
        }
        DashboardSettings after = new DashboardSettings(defaultValue, perType, code, zone, includeTestEvents);
        settings.save(after);
        audit.record(AdminAudit.SETTINGS_CHANGED, request.getRemoteAddr(), describe(before, after));
        changes.publish("settings");
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/settings";
    }

    private static <T> T parse(List<String> problems, Supplier<T> parser, T fallback) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return fallback;
        }
    }

    private static String describe(DashboardSettings before, DashboardSettings after) {
        List<String> parts = new ArrayList<>();
        if (before.valuePerBooking().compareTo(after.valuePerBooking()) != 0) {
            parts.add("value per booking " + before.valuePerBooking().toPlainString() + " -> "
                    + after.valuePerBooking().toPlainString());
        }
        if (!before.currency().equals(after.currency())) {
            parts.add("currency " + before.currency() + " -> " + after.currency());
        }
        if (!before.zone().equals(after.zone())) {
            parts.add("time zone " + before.zone() + " -> " + after.zone());
        }
        if (before.includeTestEvents() != after.includeTestEvents()) {
            parts.add("test deliveries " + (after.includeTestEvents() ? "included" : "excluded"));
        }
        if (!before.valuePerEventType().equals(after.valuePerEventType())) {
            parts.add(after.valuePerEventType().size() + " event type values");
        }
        return parts.isEmpty() ? "no change" : String.join("; ", parts);
    }
}
