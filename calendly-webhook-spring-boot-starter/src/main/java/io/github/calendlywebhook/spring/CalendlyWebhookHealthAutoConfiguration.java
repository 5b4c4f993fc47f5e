package io.github.calendlywebhook.spring;

import io.github.calendlywebhook.core.health.DeliveryHealthCheck;
import io.github.calendlywebhook.core.health.DeliveryHealthTracker;
import io.github.calendlywebhook.core.health.StoreProbe;
import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.publication.ListenerDispatcher;
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
import org.springframework.context.annotation.Configuration;

/**
 * Registers the {@link DeliveryHealthTracker} the processor reports every delivery to (core's delivery
 * health model, also read by an application's alerting or admin pages), and the {@code calendlyWebhook}
 * health indicator rendering it when Spring Boot's health support is present; the indicator is turned
 * off by {@code management.health.calendlywebhook.enabled=false}. The indicator uses Spring Boot 4's health
 * types; on 3.5, calendly-webhook-spring-boot3-starter registers its counterpart over the same tracker.
 */
@AutoConfiguration(after = CalendlyWebhookAutoConfiguration.class)
@ConditionalOnBean(WebhookProcessor.class)
public final class CalendlyWebhookHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DeliveryHealthTracker calendlyWebhookDeliveryHealthTracker(ObjectProvider<Clock> clock) {
        return DeliveryHealthTracker.create(CalendlyWebhookAutoConfiguration.clock(clock));
    }

    /**
     * Returns the check both Spring Boot lines' indicators render: the tracker, the store's reachability and,
     * with a listener dispatcher, its parked publications.
     */
    @Bean
    @ConditionalOnMissingBean
    DeliveryHealthCheck calendlyWebhookDeliveryHealthCheck(DeliveryHealthTracker tracker, EventStore store,
            ObjectProvider<DataSource> dataSource, ObjectProvider<ListenerDispatcher> dispatcher) {
        DeliveryHealthCheck check = DeliveryHealthCheck.of(tracker, StoreProbe.of(store, dataSource.getIfUnique()));
        ListenerDispatcher listeners = dispatcher.getIfUnique();
        return listeners == null ? check : check.withListeners(listeners);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("calendlywebhook")
    static final class IndicatorConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "calendlyWebhookHealthIndicator")
        CalendlyWebhookHealthIndicator calendlyWebhookHealthIndicator(DeliveryHealthCheck check) {
            return new CalendlyWebhookHealthIndicator(check);
        }
    }
}
