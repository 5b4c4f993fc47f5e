package io.github.calendlywebhook.micronaut;

import io.github.calendlywebhook.core.audit.AuditLog;
import io.github.calendlywebhook.core.audit.AuditRepository;
import io.github.calendlywebhook.core.audit.InMemoryAuditLog;
import io.github.calendlywebhook.core.event.CalendlyEventListener;
import io.github.calendlywebhook.core.pipeline.DeliveryObserver;
import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.pipeline.WebhookSettings;
import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.InMemoryEventStore;
import io.github.calendlywebhook.core.store.JdbcAuditLog;
import io.github.calendlywebhook.core.store.JdbcEventStore;
import io.github.calendlywebhook.core.store.JdbcSchema;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the core components as beans. Each one is created only when the application defines no bean
 * of its type, so an application replaces any of them by declaring its own (or with {@code @Replaces}).
 * The processor is created at startup, so a missing secret or an invalid allowlist entry stops the
 * application with a message naming the key.
 */
@Factory
@Requires(property = CalendlyWebhookProperties.PREFIX + ".enabled", notEquals = "false")
public class CalendlyWebhookFactory {

    private static final Logger LOG = LoggerFactory.getLogger(CalendlyWebhookFactory.class);

    /**
     * Returns the validated settings bound from {@code calendly.webhook.*}.
     *
     * @param properties the bound properties
     * @return the settings
     */
    @Singleton
    @Requires(missingBeans = WebhookSettings.class)
    WebhookSettings calendlyWebhookSettings(CalendlyWebhookProperties properties) {
        return properties.toSettings();
    }

    /**
     * Returns the clock the checks read time from: the system clock in UTC.
     *
     * @return the clock
     */
    @Singleton
    @Requires(missingBeans = Clock.class)
    Clock calendlyWebhookClock() {
        return Clock.systemUTC();
    }

    /**
     * Returns the JDBC store on the application's {@link DataSource}, creating the tables unless they
     * exist, or, without a data source, the in-memory store, which loses events on restart.
     *
     * @param dataSources the application's data source, if any
     * @return the store
     */
    @Singleton
    @Requires(missingBeans = EventStore.class)
    EventStore calendlyEventStore(BeanProvider<DataSource> dataSources) {
        if (dataSources.isPresent()) {
            return JdbcEventStore.create(withSchema(dataSources.get()));
        }
        LOG.warn("Calendly webhook events are kept in memory and are lost on restart: the store is not durable. "
                + "Add a javax.sql.DataSource bean (H2 or PostgreSQL) or an EventStore bean to store them durably.");
        return new InMemoryEventStore();
    }

    /**
     * Returns the audit log in the application's {@link DataSource}, or, without one, a bounded in-memory log.
     *
     * @param dataSources the application's data source, if any
     * @return the audit log, queryable
     */
    @Singleton
    @Requires(missingBeans = AuditLog.class)
    AuditRepository calendlyAuditLog(BeanProvider<DataSource> dataSources) {
        return dataSources.isPresent() ? JdbcAuditLog.create(withSchema(dataSources.get())) : new InMemoryAuditLog();
    }

    private static DataSource withSchema(DataSource dataSource) {
        if (JdbcSchema.create(dataSource)) {
            LOG.info("Created the Calendly webhook tables");
        }
        return dataSource;
    }

    /**
     * Returns the listener that publishes stored events as Micronaut application events.
     *
     * @param publisher the application's event publisher
     * @return the listener
     */
    @Singleton
    ApplicationEventPublishingListener calendlyApplicationEventPublishingListener(ApplicationEventPublisher<Object> publisher) {
        return new ApplicationEventPublishingListener(publisher);
    }

    /**
     * Returns the processor, wired with every {@link CalendlyEventListener} and {@link DeliveryObserver} bean.
     * Pending aggregated rejections are written to the audit log on shutdown.
     *
     * @param settings the settings
     * @param clock the clock
     * @param store the store
     * @param auditLog the audit log
     * @param listeners the listeners, the application event publisher included
     * @param observers the delivery observers
     * @return the processor
     */
    @Context
    @Bean(preDestroy = "flushAudit")
    @Requires(missingBeans = WebhookProcessor.class)
    WebhookProcessor calendlyWebhookProcessor(WebhookSettings settings, Clock clock, EventStore store, AuditLog auditLog,
            List<CalendlyEventListener> listeners, List<DeliveryObserver> observers) {
        WebhookProcessor.Builder builder = WebhookProcessor.builder(settings).clock(clock).store(store).auditLog(auditLog);
        listeners.forEach(builder::listener);
        observers.forEach(builder::observer);
        return builder.build();
    }
}
