package io.github.calendlywebhook.micronaut;

import io.github.calendlywebhook.core.metrics.CalendlyWebhookMetrics;
import io.github.calendlywebhook.core.metrics.DashboardMetrics;
import io.github.calendlywebhook.core.publication.ListenerDispatcher;
import io.github.calendlywebhook.core.publication.ListenerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Registers the webhook meters (deliveries by outcome and event, processing time, booked appointments) and
 * the listener meters (incomplete, retried and parked publications) when the application has a Micrometer
 * {@link MeterRegistry} bean. With micronaut-micrometer the meters are
 * {@link io.micrometer.core.instrument.binder.MeterBinder} beans that micronaut-micrometer binds to its
 * registry, once; with a registry bean of the application's own, {@link MetricsBinding} binds them.
 */
@Factory
@Requires(property = CalendlyWebhookProperties.PREFIX + ".enabled", notEquals = "false")
@Requires(classes = MeterRegistry.class)
@Requires(beans = MeterRegistry.class)
public class CalendlyWebhookMetricsFactory {

    /**
     * Returns the meters; the processor reports every delivery to them. They are bound to the registry once the
     * context has started (see {@link MetricsBinding}), not here: micronaut-micrometer binds every meter binder
     * bean while it creates its registry, and a binder that needed the registry to be created would be part
     * of that cycle.
     *
     * @param dashboard the dashboard numbers, for the booked appointments gauge, if available
     * @return the meters, bound at startup
     */
    @Singleton
    @Requires(missingBeans = CalendlyWebhookMetrics.class)
    CalendlyWebhookMetrics calendlyWebhookMetrics(BeanProvider<DashboardMetrics> dashboard) {
        return dashboard.isPresent() ? new CalendlyWebhookMetrics(dashboard.get()) : new CalendlyWebhookMetrics();
    }

    /**
     * Returns the listener meters (incomplete, retried and parked publications), bound at startup like the
     * webhook meters.
     *
     * @param dispatcher the dispatcher of the application's listeners
     * @return the meters
     */
    @Singleton
    @Requires(beans = ListenerDispatcher.class)
    @Requires(missingBeans = ListenerMetrics.class)
    ListenerMetrics calendlyListenerMetrics(ListenerDispatcher dispatcher) {
        return new ListenerMetrics(dispatcher);
    }
}
