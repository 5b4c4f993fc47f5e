package io.github.calendlywebhook.micronaut;

import io.github.calendlywebhook.core.health.DeliveryHealthTracker;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Creates the {@link DeliveryHealthTracker} the processor reports every delivery to: core's delivery
 * health model, rendered by {@link CalendlyWebhookHealthIndicator} when micronaut-management is present
 * and readable by the application (alerting, admin pages) without it.
 */
@Factory
@Requires(property = CalendlyWebhookProperties.PREFIX + ".enabled", notEquals = "false")
public class CalendlyWebhookHealthFactory {

    /**
     * Returns the tracker, a delivery observer of the processor.
     *
     * @param clock the application's unique clock, if it has one; the system UTC clock otherwise
     * @return the tracker
     */
    @Singleton
    @Requires(missingBeans = DeliveryHealthTracker.class)
    DeliveryHealthTracker calendlyWebhookDeliveryHealthTracker(BeanProvider<Clock> clock) {
        return DeliveryHealthTracker.create(CalendlyWebhookFactory.clock(clock));
    }
}
