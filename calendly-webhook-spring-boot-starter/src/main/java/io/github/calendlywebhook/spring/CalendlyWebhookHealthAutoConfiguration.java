package io.github.calendlywebhook.spring;

import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.store.EventStore;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Adds the {@code calendlyWebhook} health indicator when Spring Boot's health support is present; it
 * is turned off by {@code management.health.calendlywebhook.enabled=false}. Spring Boot 4 only: on 3.5 its
 * health types are absent and calendly-webhook-spring-boot3-starter registers the indicator.
 */
@AutoConfiguration(after = CalendlyWebhookAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(WebhookProcessor.class)
@ConditionalOnEnabledHealthIndicator("calendlywebhook")
public final class CalendlyWebhookHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DeliveryHealthTracker calendlyWebhookDeliveryHealthTracker(ObjectProvider<Clock> clock) {
        return new DeliveryHealthTracker(CalendlyWebhookAutoConfiguration.clock(clock));
    }

    @Bean
    @ConditionalOnMissingBean(name = "calendlyWebhookHealthIndicator")
    CalendlyWebhookHealthIndicator calendlyWebhookHealthIndicator(DeliveryHealthTracker tracker, EventStore store,
            ObjectProvider<DataSource> dataSource) {
        return new CalendlyWebhookHealthIndicator(CalendlyWebhookHealthCheck.of(tracker, store, dataSource.getIfUnique()));
    }
}
