package io.github.calendlywebhook.micronaut;

import io.github.calendlywebhook.core.audit.AuditLog;
import io.github.calendlywebhook.core.event.CalendlyEventListener;
import io.github.calendlywebhook.core.ip.ClientKeys;
import io.github.calendlywebhook.core.delivery.DeliveryObserver;
import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.publication.ListenerDispatcher;
import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.core.store.EventStore;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * Creates the core components as beans (the storage beans come from {@link CalendlyWebhookStoreFactory}).
 * Each one is created only when the application defines no bean of its type, so an application replaces
 * any of them by declaring its own (or with {@code @Replaces}).
 * The processor is created at startup, so a missing secret or an invalid allowlist entry stops the
 * application with a message naming the key.
 */
@Factory
@Requires(property = CalendlyWebhookProperties.PREFIX + ".enabled", notEquals = "false")
public class CalendlyWebhookFactory {

    /**
     * Returns the validated settings bound from {@code calendly.webhook.*} and the setup guide's variables.
     *
     * @param properties the bound properties
     * @param environment the environment, for the setup guide's variables
     * @return the settings
     */
    @Singleton
    @Requires(missingBeans = WebhookSettings.class)
    WebhookSettings calendlyWebhookSettings(CalendlyWebhookProperties properties, Environment environment) {
        SetupGuideVariablesBinder.apply(properties, environment);
        return properties.toSettings();
    }

    /**
     * Returns how clients are keyed, shared by the webhook rate limit, audit aggregation and any limiter
     * of the application that takes this bean.
     *
     * @param settings the settings
     * @return the client keys
     */
    @Singleton
    @Requires(missingBeans = ClientKeys.class)
    ClientKeys calendlyWebhookClientKeys(WebhookSettings settings) {
        return settings.clientKeys();
    }

    /**
     * Returns the processor, wired with the component beans, every {@link DeliveryObserver} bean and the
     * dispatcher that calls the application's {@link CalendlyEventListener} beans and event listeners at least
     * once, then given to every {@link WebhookProcessorCustomizer} in order. Pending aggregated rejections
     * are written to the audit log on shutdown.
     *
     * @param settings the settings
     * @param clock the application's clock, if it declares one
     * @param store the store
     * @param auditLog the audit log
     * @param components the verifier, allowlist, address resolver and rate limiter beans
     * @param dispatcher the dispatcher of the application's listeners
     * @param observers the delivery observers
     * @param clientKeys how clients are keyed
     * @param customizers the customizers, in their order
     * @return the processor
     */
    @Context
    @Bean(preDestroy = "flushAudit")
    @Requires(missingBeans = WebhookProcessor.class)
    WebhookProcessor calendlyWebhookProcessor(WebhookSettings settings, BeanProvider<Clock> clock, EventStore store,
            AuditLog auditLog, ProcessorComponents components, List<DeliveryObserver> observers, ClientKeys clientKeys,
            ListenerDispatcher dispatcher, List<WebhookProcessorCustomizer> customizers) {
        WebhookProcessor.Builder builder = WebhookProcessor.builder(settings).clock(clock(clock)).store(store)
                .auditLog(auditLog).clientKeys(clientKeys).dispatcher(dispatcher);
        components.applyTo(builder, settings);
        observers.forEach(builder::observer);
        customizers.forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /**
     * Returns the application's clock when it declares exactly one, otherwise the system clock in UTC. The
     * adapter registers no clock of its own, so an application's {@code Clock} injection points are its own.
     */
    static Clock clock(BeanProvider<Clock> clock) {
        return clock.isUnique() ? clock.get() : Clock.systemUTC();
    }
}
