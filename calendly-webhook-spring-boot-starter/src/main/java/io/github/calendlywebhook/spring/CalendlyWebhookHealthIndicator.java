package io.github.calendlywebhook.spring;

import io.github.calendlywebhook.core.health.DeliveryHealth;
import io.github.calendlywebhook.core.health.DeliveryHealthCheck;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Renders core's {@link DeliveryHealth}: down while the store cannot make events durable (its database
 * unreachable or its tables missing, or the last append failed), up otherwise, with the model's
 * details (its own {@code state}, which says DEGRADED while rejections need attention, the last
 * deliveries, recent rejections by reason, the listener publications and warnings; DEGRADED also while
 * listener publications are parked). DEGRADED stays UP for Spring, whose default
 * status order does not know it.
 */
public final class CalendlyWebhookHealthIndicator extends AbstractHealthIndicator {

    private final DeliveryHealthCheck check;

    /**
     * Creates the indicator.
     *
     * @param check the delivery-health check to render
     */
    public CalendlyWebhookHealthIndicator(DeliveryHealthCheck check) {
        super("Calendly webhook health check failed");
        this.check = check;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        DeliveryHealth health = check.check();
        (health.status() == DeliveryHealth.Status.DOWN ? builder.down() : builder.up()).withDetails(health.details());
    }
}
