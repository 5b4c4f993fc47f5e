package io.github.calendlywebhook.spring.boot3;

import io.github.calendlywebhook.core.health.DeliveryHealthCheck;
import io.github.calendlywebhook.core.health.DeliveryHealthTracker;
import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.spring.CalendlyWebhookHealthAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The Spring Boot 3.5 counterpart of the starter's health indicator: the {@code calendlyWebhook} health
 * indicator rendering the starter's {@link DeliveryHealthCheck} (over its {@link DeliveryHealthTracker}) when
 * Actuator is present, turned off by {@code management.health.calendlywebhook.enabled=false}.
 */
@AutoConfiguration(after = CalendlyWebhookHealthAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean({ WebhookProcessor.class, DeliveryHealthCheck.class })
@ConditionalOnEnabledHealthIndicator("calendlywebhook")
public final class CalendlyWebhookBoot3HealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "calendlyWebhookHealthIndicator")
    CalendlyWebhookBoot3HealthIndicator calendlyWebhookHealthIndicator(DeliveryHealthCheck check) {
        return new CalendlyWebhookBoot3HealthIndicator(check);
    }
}
