package io.github.calendlywebhook.micronaut;

import io.github.calendlywebhook.core.metrics.CalendlyWebhookMetrics;
import io.github.calendlywebhook.core.metrics.DashboardMetrics;
import io.github.calendlywebhook.core.publication.ListenerDispatcher;
import io.github.calendlywebhook.core.publication.ListenerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Registers the webhook meters (deliveries by outcome and event, processing time, booked appointments) and
 * the listener meters (incomplete, retried and parked publications)
 * when the application has a Micrometer {@link MeterRegistry} bean, for example from micronaut-micrometer.
 */
@Factory
@Requires(property = CalendlyWebhookProperties.PREFIX + ".enabled", notEquals = "false")
@Requires(classes = MeterRegistry.class)
@Requires(beans = MeterRegistry.class)
public class CalendlyWebhookMetricsFactory {

    /**
     * Returns the meters, bound to the registry; the processor reports every delivery to them.
     *
     * @param registry the application's registry
     * @param dashboard the dashboard numbers, for the booked appointments gauge, if available
     * @return the meters
     */
    @Singleton
    @Requires(missingBeans = CalendlyWebhookMetrics.class)
    CalendlyWebhookMetrics calendlyWebhookMetrics(MeterRegistry registry, BeanProvider<DashboardMetrics> dashboard) {
        CalendlyWebhookMetrics metrics = dashboard.isPresent()
                ? new CalendlyWebhookMetrics(dashboard.get()) : new CalendlyWebhookMetrics();
        metrics.bindTo(registry);
        return metrics;
    }

    /**
     * Returns the listener meters (incomplete, retried and parked publications), bound to the registry at
     * start-up.
     *
     * @param registry the application's registry
     * @param dispatcher the dispatcher of the application's listeners
     * @return the meters
     */
    @Context
    @Requires(beans = ListenerDispatcher.class)
    @Requires(missingBeans = ListenerMetrics.class)
    ListenerMetrics calendlyListenerMetrics(MeterRegistry registry, ListenerDispatcher dispatcher) {
        ListenerMetrics metrics = new ListenerMetrics(dispatcher);
        metrics.bindTo(registry);
        return metrics;
    }
}
