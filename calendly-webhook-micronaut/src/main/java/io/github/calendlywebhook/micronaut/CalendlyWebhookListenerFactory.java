package io.github.calendlywebhook.micronaut;

import io.github.calendlywebhook.core.publication.ListenerDispatcher;
import io.github.calendlywebhook.core.publication.ListenerDispatcherBuilder;
import io.github.calendlywebhook.core.publication.ListenerSettings;
import io.github.calendlywebhook.core.publication.PublicationRegistry;
import io.micronaut.context.BeanContext;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Delivers stored events to the application's event listeners at least once: a {@link ListenerDispatcher}
 * on the {@link PublicationRegistry} (the event store's database, or memory; see
 * {@link CalendlyWebhookStoreFactory}) with every listener of Calendly events registered (the
 * {@code CalendlyEventListener} beans under their bean names, the event listeners under their methods), and the
 * {@link PublicationScheduling} running the retries from start-up to shutdown.
 */
@Factory
@Requires(property = CalendlyWebhookProperties.PREFIX + ".enabled", notEquals = "false")
public class CalendlyWebhookListenerFactory {

    /**
     * Returns the validated settings bound from {@code calendly.webhook.listeners.*}.
     *
     * @param properties the bound properties
     * @return the settings
     */
    @Singleton
    @Requires(missingBeans = ListenerSettings.class)
    ListenerSettings calendlyListenerSettings(CalendlyWebhookProperties properties) {
        return properties.toListenerSettings();
    }

    /**
     * Returns the dispatcher with every {@code CalendlyEventListener} bean and every event listener of Calendly
     * events, closed on shutdown.
     *
     * @param settings the settings
     * @param registry where the publications are kept
     * @param context the bean context whose listeners are registered
     * @param clock the application's clock, if it declares one
     * @return the dispatcher
     */
    @Singleton
    @Bean(preDestroy = "close")
    @Requires(missingBeans = ListenerDispatcher.class)
    ListenerDispatcher calendlyListenerDispatcher(ListenerSettings settings, PublicationRegistry registry,
            BeanContext context, BeanProvider<Clock> clock) {
        ListenerDispatcherBuilder builder = ListenerDispatcher.builder(registry, settings)
                .clock(CalendlyWebhookFactory.clock(clock));
        CalendlyEventListenerBeans.find(context).forEach(builder::listener);
        ApplicationEventListeners.find(context).forEach(builder::listener);
        return builder.build();
    }

    /**
     * Returns the scheduler of retries, started with the application and stopped with it.
     *
     * @param dispatcher the dispatcher it drives
     * @return the running scheduler
     */
    @Context
    @Bean(preDestroy = "close")
    PublicationScheduling calendlyPublicationScheduler(ListenerDispatcher dispatcher) {
        return new PublicationScheduling(dispatcher);
    }
}
