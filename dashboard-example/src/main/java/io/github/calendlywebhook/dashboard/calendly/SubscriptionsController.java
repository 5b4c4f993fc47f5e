package io.github.calendlywebhook.dashboard.calendly;

import io.github.calendlywebhook.core.api.WebhookSubscription;
import io.github.calendlywebhook.core.api.health.DeliveryHealthMonitor;
import io.github.calendlywebhook.core.api.health.HealthIssue;
import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.dashboard.admin.AdminAudit;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin page "Subscriptions": the account's webhook subscriptions with their state, and the
 * Register webhook, Rotate secret and Backfill actions. Every action is a CSRF-protected form post and
 * is written to the audit log.
 */
@Controller
class SubscriptionsController {

    /** Registering or repairing the webhook subscription. */
    static final String REGISTER = "admin.subscription.register";
    /** Rotating the signing key. */
    static final String ROTATE = "admin.subscription.rotate";
    /** Starting a backfill. */
    static final String BACKFILL = "admin.subscription.backfill";

    private static final String PAGE = "redirect:/admin/subscriptions";

    private final SubscriptionService subscriptions;
    private final BackfillService backfill;
    private final DeliveryHealthMonitor monitor;
    private final CalendlyProperties properties;
    private final AdminAudit audit;
    private final String webhookPath;

    SubscriptionsController(SubscriptionService subscriptions, BackfillService backfill, DeliveryHealthMonitor monitor,
            CalendlyProperties properties, AdminAudit audit,
            WebhookSettings webhook) {
        this.subscriptions = subscriptions;
        this.backfill = backfill;
        this.monitor = monitor;
        this.properties = properties;
        this.audit = audit;
        this.webhookPath = webhook.path();
    }

    @GetMapping("/admin/subscriptions")
    String page(Model model) {
        model.addAttribute("page", "subscriptions");
        model.addAttribute("apiEnabled", subscriptions.apiEnabled());
        String callbackUrl = callbackUrl();
        model.addAttribute("callbackUrl", callbackUrl == null ? "https://yourdomain.com" + webhookPath : callbackUrl);
        model.addAttribute("publicUrlConfigured", properties.publicUrl() != null);
        model.addAttribute("keysEncrypted", properties.encryptionKey() != null);
        model.addAttribute("webhookPath", webhookPath);
        model.addAttribute("issues", monitor.issues().stream().map(HealthIssue::description)
                .collect(Collectors.toList()));
        model.addAttribute("backfill", backfill.status());
        model.addAttribute("maxDays", properties.backfillMaxDays());
        model.addAttribute("lastCheck", subscriptions.lastCheck().orElse(null));
        if (subscriptions.apiEnabled()) {
            try {
                Set<String> own = subscriptions.ownSubscriptionUris();
                List<SubscriptionView> rows = subscriptions.subscriptions().stream()
                        .map(s -> SubscriptionView.of(s, own.contains(s.uri()))).collect(Collectors.toList());
                model.addAttribute("subscriptions", rows);
            } catch (RuntimeException e) {
                model.addAttribute("listError", Problems.describe(e));
            }
        }
        return "admin/subscriptions";
    }

    @PostMapping("/admin/subscriptions/register")
    String register(HttpServletRequest request, RedirectAttributes redirect) {
        String target = callbackUrl();
        if (target == null) {
            return refuseWithoutPublicUrl(REGISTER, request, redirect);
        }
        try {
            SubscriptionService.Change change = subscriptions.register(target);
            String detail = change.action().name().toLowerCase(java.util.Locale.ROOT) + " "
                    + change.subscription().callbackUrl();
            audit.record(REGISTER, request.getRemoteAddr(), detail);
            redirect.addFlashAttribute("message", message(change));
        } catch (RuntimeException e) {
            String problem = Problems.describe(e);
            audit.record(REGISTER, request.getRemoteAddr(), "failed: " + problem);
            redirect.addFlashAttribute("error", problem);
        }
        return PAGE;
    }

    @PostMapping("/admin/subscriptions/rotate")
    String rotate(HttpServletRequest request, RedirectAttributes redirect) {
        if (callbackUrl() == null) {
            return refuseWithoutPublicUrl(ROTATE, request, redirect);
        }
        try {
            SubscriptionService.Change change = subscriptions.rotate();
            audit.record(ROTATE, request.getRemoteAddr(), "new subscription " + change.subscription().callbackUrl());
            redirect.addFlashAttribute("message", "Secret rotated: the new subscription delivers to "
                    + change.subscription().callbackUrl() + "; the old key stays accepted until the old"
                    + " subscription is gone.");
        } catch (RuntimeException e) {
            String problem = Problems.describe(e);
            audit.record(ROTATE, request.getRemoteAddr(), "failed: " + problem);
            redirect.addFlashAttribute("error", problem);
        }
        return PAGE;
    }

    @PostMapping("/admin/subscriptions/backfill")
    String startBackfill(@RequestParam(defaultValue = "7") String days, HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            int count = Integer.parseInt(days.trim());
            backfill.start(count);
            audit.record(BACKFILL, request.getRemoteAddr(), "last " + count + " days");
            redirect.addFlashAttribute("message", "Backfill of the last " + count + " days started.");
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("error", "Enter a number of days, such as 7.");
        } catch (RuntimeException e) {
            String problem = Problems.describe(e);
            audit.record(BACKFILL, request.getRemoteAddr(), "refused: " + problem);
            redirect.addFlashAttribute("error", problem);
        }
        return PAGE;
    }

    @GetMapping("/admin/subscriptions/backfill")
    @ResponseBody
    BackfillService.Status backfillStatus() {
        return backfill.status();
    }

    private @Nullable String callbackUrl() {
        String publicUrl = properties.publicUrl();
        return publicUrl == null ? null : CallbackUrl.of(publicUrl, webhookPath);
    }

    private String refuseWithoutPublicUrl(String action, HttpServletRequest request, RedirectAttributes redirect) {
        audit.record(action, request.getRemoteAddr(), "refused: DASHBOARD_PUBLIC_URL is not set");
        redirect.addFlashAttribute("error",
                (subscriptions.apiEnabled() ? "" : "CALENDLY_API_TOKEN is not set. ") + CallbackUrl.MISSING);
        return PAGE;
    }

    private static String message(SubscriptionService.Change change) {
        String url = change.subscription().callbackUrl();
        String text;
        switch (change.action()) {
            case UNCHANGED:
                text = "The subscription to " + url + " is active; nothing to change.";
                break;
            case CREATED:
                text = "Webhook registered: Calendly delivers to " + url + ". The new signing key is stored and in"
                        + " use.";
                break;
            case MOVED:
                text = "Webhook moved to " + url + ": the new URL was registered before the old one was removed.";
                break;
            case ROTATED:
                text = "Signing key rotated: a new subscription delivers to " + url + ". The former key stays"
                        + " accepted until its subscription is gone.";
                break;
            default:
                text = "Webhook repaired: a new subscription delivers to " + url + ".";
                break;
        }
        return change.deliveryGap() ? text + " Events may have been missed meanwhile: run a backfill." : text;
    }

    /**
     * One row of the subscriptions table.
     *
     * @param callbackUrl where it delivers
     * @param state active, retrying or disabled, as shown
     * @param retryingSince when retries started, if they did
     * @param events its events
     * @param scope its scope
     * @param own whether this dashboard holds its signing key
     */
    record SubscriptionView(String callbackUrl, String state, @Nullable String retryingSince, String events,
            String scope, boolean own) {

        static SubscriptionView of(WebhookSubscription s, boolean own) {
            String state = s.retrying() ? "retrying" : s.state().name().toLowerCase(java.util.Locale.ROOT);
            return new SubscriptionView(s.callbackUrl(), state,
                    s.retryStartedAt() == null ? null : s.retryStartedAt().toString(), String.join(", ", s.events()),
                    s.scope().apiValue(), own);
        }
    }
}
