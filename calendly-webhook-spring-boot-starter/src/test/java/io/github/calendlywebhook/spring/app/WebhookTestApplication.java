package io.github.calendlywebhook.spring.app;

import io.github.calendlywebhook.core.event.InviteeCreatedEvent;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

/**
 * A small application using the starter: one typed event listener, one secured page, and a filter
 * that wraps every request for payload caching as request-logging setups do.
 */
@SpringBootApplication
public class WebhookTestApplication {

    /** Wraps every request in a {@link ContentCachingRequestWrapper}, which must not change the body seen. */
    @Component
    public static class PayloadCachingFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(new ContentCachingRequestWrapper(request, 1024 * 1024), response);
        }
    }

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
