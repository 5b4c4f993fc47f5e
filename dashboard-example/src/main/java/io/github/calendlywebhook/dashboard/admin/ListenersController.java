package io.github.calendlywebhook.dashboard.admin;

import io.github.calendlywebhook.core.publication.ListenerDispatcher;
import io.github.calendlywebhook.core.publication.PublicationStatus;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin panel's listener page: the parked and retrying listener publications of every instance with
 * their last error, and buttons that make one or all parked ones due again (CSRF-protected forms, each
 * action audited). The dashboard numbers never come from here: they are the store's.
 */
@Controller
class ListenersController {

    /** Rows shown per status. */
    static final int PAGE_SIZE = 50;

    private final ListenerDispatcher dispatcher;
    private final AdminAudit audit;

    ListenersController(ListenerDispatcher dispatcher, AdminAudit audit) {
        this.dispatcher = dispatcher;
        this.audit = audit;
    }

    @GetMapping("/admin/listeners")
    String listeners(@RequestParam(defaultValue = "0") int parkedPage, @RequestParam(defaultValue = "0") int retryingPage,
            Model model) {
        model.addAttribute("page", "listeners");
        model.addAttribute("listenerIds", dispatcher.listenerIds());
        model.addAttribute("counts", dispatcher.counts());
        model.addAttribute("parked", dispatcher.list(PublicationStatus.PARKED, Math.max(0, parkedPage), PAGE_SIZE));
        model.addAttribute("retrying", dispatcher.list(PublicationStatus.RETRYING, Math.max(0, retryingPage), PAGE_SIZE));
        return "admin/listeners";
    }

    @PostMapping("/admin/listeners/{id}/retry")
    String retry(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes redirect) {
        boolean due = dispatcher.retry(id);
        audit.record(AdminAudit.LISTENER_RETRIED, request.getRemoteAddr(), "publication " + id
                + (due ? " made due" : " was not waiting"));
        redirect.addFlashAttribute("message", due ? "The publication runs again within a second."
                : "That publication is no longer waiting (it completed or was retried already).");
        return "redirect:/admin/listeners";
    }

    @PostMapping("/admin/listeners/retry-parked")
    String retryAllParked(HttpServletRequest request, RedirectAttributes redirect) {
        int due = dispatcher.retryAllParked();
        audit.record(AdminAudit.LISTENERS_RETRIED, request.getRemoteAddr(), due + " parked publications made due");
        redirect.addFlashAttribute("message", due + " parked publications run again within a second.");
        return "redirect:/admin/listeners";
    }
}
