package io.github.calendlywebhook.spring;

import java.time.Instant;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports the webhook endpoint's health: down while the store cannot make events durable, with the
 * last accepted delivery and recent rejections by reason as details.
 */
public final class CalendlyWebhookHealthIndicator extends AbstractHealthIndicator {

    private final DeliveryHealthTracker tracker;

    /**
     * Creates the indicator.
     *
     * @param tracker where delivery outcomes are remembered
     */
    public CalendlyWebhookHealthIndicator(DeliveryHealthTracker tracker) {
        super("Calendly webhook health check failed");
        this.tracker = tracker;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean storeFailing = tracker.storeFailing();
        Instant lastAccepted = tracker.lastAccepted();
        Map<String, Integer> rejections = tracker.recentRejections();
        (storeFailing ? builder.down() : builder.up())
                .withDetail("store", storeFailing ? "unavailable" : "reachable")
                .withDetail("lastAcceptedDelivery", lastAccepted == null ? "none" : lastAccepted.toString())
                .withDetail("recentRejections", rejections);
    }
}
