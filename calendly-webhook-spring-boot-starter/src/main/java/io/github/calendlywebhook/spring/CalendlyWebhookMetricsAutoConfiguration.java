package io.github.calendlywebhook.spring;

import io.github.calendlywebhook.core.metrics.CalendlyWebhookMetrics;
import io.github.calendlywebhook.core.metrics.DashboardMetrics;
import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.publication.ListenerDispatcher;
import io.github.calendlywebhook.core.publication.ListenerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Registers the core Micrometer binders (deliveries by outcome, processing time, booked appointments;
 * incomplete, retried and parked listener publications) when the application has a {@link MeterRegistry}; Spring Boot binds it to every registry.
 */
@AutoConfiguration(after = CalendlyWebhookAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ WebhookProcessor.class, MeterRegistry.class })
public final class CalendlyWebhookMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CalendlyWebhookMetrics calendlyWebhookMetrics(ObjectProvider<DashboardMetrics> dashboard) {
        DashboardMetrics metrics = dashboard.getIfUnique();
        return metrics == null ? new CalendlyWebhookMetrics() : new CalendlyWebhookMetrics(metrics);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(ListenerDispatcher.class)
    ListenerMetrics calendlyWebhookListenerMetrics(ListenerDispatcher dispatcher) {
        return new ListenerMetrics(dispatcher);
    }
}
