package io.github.calendlywebhook.spring.boot3;

import io.github.calendlywebhook.core.health.DeliveryHealth;
import io.github.calendlywebhook.core.health.DeliveryHealthCheck;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Renders core's {@link DeliveryHealth} on Spring Boot 3.5's health types, as the starter's indicator does on
 * Spring Boot 4: down while the store cannot make events durable, up otherwise (DEGRADED stays UP, with
 * {@code state} in the details), with the model's details.
 */
public final class CalendlyWebhookBoot3HealthIndicator extends AbstractHealthIndicator {

    private final DeliveryHealthCheck check;

    /**
     * Creates the indicator.
     *
     * @param check the delivery-health check to render
     */
    public CalendlyWebhookBoot3HealthIndicator(DeliveryHealthCheck check) {
        super("Calendly webhook health check failed");
        this.check = check;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        DeliveryHealth health = check.check();
        (health.status() == DeliveryHealth.Status.DOWN ? builder.down() : builder.up()).withDetails(health.details());
    }
}
