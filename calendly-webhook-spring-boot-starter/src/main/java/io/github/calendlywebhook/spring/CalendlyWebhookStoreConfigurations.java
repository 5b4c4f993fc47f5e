package io.github.calendlywebhook.spring;

import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.InMemoryEventStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The event store: JDBC when the application has a {@code DataSource}, in memory otherwise. */
final class CalendlyWebhookStoreConfigurations {

    private static final Log LOG = LogFactory.getLog(CalendlyWebhookStoreConfigurations.class);

    private CalendlyWebhookStoreConfigurations() {
    }

    /** Stores events in the application's database. */
    @Configuration(proxyBeanMethods = false)
    static class Jdbc {
    }

    /** Keeps events in memory, for applications without a database. */
    @Configuration(proxyBeanMethods = false)
    static class InMemory {

        @Bean
        @ConditionalOnMissingBean
        EventStore calendlyWebhookEventStore() {
            LOG.warn("Calendly webhook events are kept in memory and are lost on restart: the store is not "
                    + "durable. Add a DataSource (spring-boot-starter-jdbc and a database driver) or an EventStore "
                    + "bean to store them durably.");
            return new InMemoryEventStore();
        }
    }
}
