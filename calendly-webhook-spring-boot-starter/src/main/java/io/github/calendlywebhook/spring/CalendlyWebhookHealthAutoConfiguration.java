package io.github.calendlywebhook.spring;

import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/** Adds the {@code calendlyWebhook} health indicator when Spring Boot's health support is present. */
@AutoConfiguration(after = CalendlyWebhookAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(WebhookProcessor.class)
@ConditionalOnEnabledHealthIndicator("calendlywebhook")
public final class CalendlyWebhookHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DeliveryHealthTracker calendlyWebhookDeliveryHealthTracker(Clock clock) {
        return new DeliveryHealthTracker(clock);
    }

    @Bean
    @ConditionalOnMissingBean(name = "calendlyWebhookHealthIndicator")
    CalendlyWebhookHealthIndicator calendlyWebhookHealthIndicator(DeliveryHealthTracker tracker) {
        return new CalendlyWebhookHealthIndicator(tracker);
    }
}
