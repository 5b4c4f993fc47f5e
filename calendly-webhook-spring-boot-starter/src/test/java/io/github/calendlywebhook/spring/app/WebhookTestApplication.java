package io.github.calendlywebhook.spring.app;

import io.github.calendlywebhook.core.event.InviteeCreatedEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A small application using the starter: one typed event listener and one secured page. */
@SpringBootApplication
public class WebhookTestApplication {

    /** Collects the bookings the application is told about. */
    @Component
    public static class Bookings {

        private final List<InviteeCreatedEvent> received = new CopyOnWriteArrayList<>();

        @EventListener
        void on(InviteeCreatedEvent event) {
            received.add(event);
        }

        /** Returns the events received so far. */
        public List<InviteeCreatedEvent> received() {
            return received;
        }
    }

    /** A page that only a logged-in user may see. */
    @RestController
    public static class PrivatePage {

        @GetMapping("/private")
        String secret() {
            return "private page";
        }
    }
}
