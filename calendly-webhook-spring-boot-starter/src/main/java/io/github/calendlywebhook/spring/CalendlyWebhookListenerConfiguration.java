package io.github.calendlywebhook.spring;

import io.github.calendlywebhook.core.publication.ListenerDispatcher;
import io.github.calendlywebhook.core.publication.ListenerDispatcherBuilder;
import io.github.calendlywebhook.core.publication.ListenerSettings;
import io.github.calendlywebhook.core.publication.PublicationRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListenerFactory;

/**
 * Delivers stored events to the application's {@code CalendlyEventListener} beans and {@code @EventListener}
 * methods at least once: a {@link ListenerDispatcher} on the {@link PublicationRegistry} bean (in the event
 * store's database, see {@link CalendlyWebhookStoreConfigurations}) or in memory, with each bean (under its
 * bean name) and each method registered as its own listener, and the scheduler running its retries while
 * the context runs.
 */
@Configuration(proxyBeanMethods = false)
final class CalendlyWebhookListenerConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ListenerSettings calendlyWebhookListenerSettings(CalendlyWebhookProperties properties) {
        return ConfigurationErrors.explain(properties::toListenerSettings);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ListenerDispatcher calendlyWebhookListenerDispatcher(ListenerSettings settings,
            ObjectProvider<PublicationRegistry> registry, ConfigurableListableBeanFactory beanFactory,
            ObjectProvider<Clock> clock) {
        return ConfigurationErrors.explain(() -> {
            ListenerDispatcherBuilder builder = ListenerDispatcher
                    .builder(registry.getIfUnique(PublicationRegistry::inMemory), settings)
                    .clock(CalendlyWebhookAutoConfiguration.clock(clock));
            CalendlyEventListenerBean.find(beanFactory).forEach(builder::listener);
            EventListenerMethods.find(beanFactory).forEach(builder::listener);
            return builder.build();
        });
    }

    @Bean
    @ConditionalOnMissingBean
    PublicationSchedulerLifecycle calendlyWebhookPublicationScheduler(ListenerDispatcher dispatcher) {
        return new PublicationSchedulerLifecycle(dispatcher);
    }

    @Bean
    static EventListenerFactory calendlyWebhookEventListenerFactory() {
        return new DispatchedEventListenerFactory();
    }
}
