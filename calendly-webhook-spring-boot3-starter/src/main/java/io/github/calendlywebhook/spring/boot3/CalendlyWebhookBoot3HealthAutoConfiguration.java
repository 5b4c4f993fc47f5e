package io.github.calendlywebhook.spring.boot3;

import io.github.calendlywebhook.core.health.DeliveryHealthCheck;
import io.github.calendlywebhook.core.health.DeliveryHealthTracker;
import io.github.calendlywebhook.core.health.StoreProbe;
import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.spring.CalendlyWebhookHealthAutoConfiguration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The Spring Boot 3.5 counterpart of the starter's health indicator: the {@code calendlyWebhook} health
 * indicator over the starter's {@link DeliveryHealthTracker} when Actuator is present, turned off by
 * {@code management.health.calendlywebhook.enabled=false}.
 */
@AutoConfiguration(after = CalendlyWebhookHealthAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean({ WebhookProcessor.class, DeliveryHealthTracker.class })
@ConditionalOnEnabledHealthIndicator("calendlywebhook")
public final class CalendlyWebhookBoot3HealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "calendlyWebhookHealthIndicator")
    CalendlyWebhookBoot3HealthIndicator calendlyWebhookHealthIndicator(DeliveryHealthTracker tracker, EventStore store,
            ObjectProvider<DataSource> dataSource) {
        return new CalendlyWebhookBoot3HealthIndicator(
                DeliveryHealthCheck.of(tracker, StoreProbe.of(store, dataSource.getIfUnique())));
    }
}
