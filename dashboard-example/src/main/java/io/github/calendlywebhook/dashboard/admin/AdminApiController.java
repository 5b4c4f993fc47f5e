package io.github.calendlywebhook.dashboard.admin;

import io.github.calendlywebhook.core.health.DeliveryHealth;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** JSON endpoints of the admin panel's scripts (CSRF-protected like every form). */
@RestController
class AdminApiController {

    private final TestWebhookService testWebhook;
    private final DeliveryHealthPanel health;

    AdminApiController(TestWebhookService testWebhook, DeliveryHealthPanel health) {
        this.testWebhook = testWebhook;
        this.health = health;
    }

    @PostMapping(value = "/admin/api/test-webhook", produces = "application/json")
    TestWebhookService.Result testWebhook(HttpServletRequest request) {
        return testWebhook.send(request.getRemoteAddr());
    }

    @GetMapping(value = "/admin/api/health", produces = "application/json")
    DeliveryHealth health() {
        return health.health();
    }
}
