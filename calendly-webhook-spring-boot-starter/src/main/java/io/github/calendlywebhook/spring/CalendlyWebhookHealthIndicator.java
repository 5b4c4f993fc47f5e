package io.github.calendlywebhook.spring;

import io.github.calendlywebhook.core.store.JdbcSchema;
import io.github.calendlywebhook.core.store.StoreUnavailableException;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports the webhook endpoint's health: down while the store cannot make events durable (its
 * database unreachable or its tables missing, or the last append failed), with the last accepted
 * delivery and recent rejections by reason as details.
 */
public final class CalendlyWebhookHealthIndicator extends AbstractHealthIndicator {

    private final DeliveryHealthTracker tracker;
    private final @Nullable DataSource dataSource;

    /**
     * Creates the indicator.
     *
     * @param tracker where delivery outcomes are remembered
     * @param dataSource the database of the JDBC store, or {@code null} when events are not stored in one
     */
    public CalendlyWebhookHealthIndicator(DeliveryHealthTracker tracker, @Nullable DataSource dataSource) {
        super("Calendly webhook health check failed");
        this.tracker = tracker;
        this.dataSource = dataSource;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        String store = tracker.storeFailing() ? "unavailable" : probeStore();
        Instant lastAccepted = tracker.lastAccepted();
        Map<String, Integer> rejections = tracker.recentRejections();
        ("reachable".equals(store) ? builder.up() : builder.down())
                .withDetail("store", store)
                .withDetail("lastAcceptedDelivery", lastAccepted == null ? "none" : lastAccepted.toString())
                .withDetail("recentRejections", rejections);
    }

    private String probeStore() {
        if (dataSource == null) {
            return "reachable";
        }
        try {
            return JdbcSchema.exists(dataSource) ? "reachable" : "tables missing";
        } catch (StoreUnavailableException ex) {
            return "unreachable";
        }
    }
}
