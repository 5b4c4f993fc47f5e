package io.github.calendlywebhook.micronaut;

import io.github.calendlywebhook.core.metrics.CalendlyWebhookMetrics;
import io.github.calendlywebhook.core.publication.ListenerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Binds the webhook meters to the application's registry when the context has started, before any delivery
 * is served. With micronaut-micrometer, asking for the registry creates it and micronaut-micrometer binds the
 * meters itself; binding them again to the same registry finds the same meters, so nothing is counted twice.
 */
@Singleton
@Requires(property = CalendlyWebhookProperties.PREFIX + ".enabled", notEquals = "false")
@Requires(classes = MeterRegistry.class)
@Requires(beans = {MeterRegistry.class, CalendlyWebhookMetrics.class})
final class MetricsBinding implements ApplicationEventListener<StartupEvent> {

    private final MeterRegistry registry;
    private final List<CalendlyWebhookMetrics> metrics;
    private final List<ListenerMetrics> listenerMetrics;

    MetricsBinding(MeterRegistry registry, List<CalendlyWebhookMetrics> metrics, List<ListenerMetrics> listenerMetrics) {
        this.registry = registry;
        this.metrics = metrics;
        this.listenerMetrics = listenerMetrics;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        metrics.forEach(meters -> meters.bindTo(registry));
        listenerMetrics.forEach(meters -> meters.bindTo(registry));
    }
}
