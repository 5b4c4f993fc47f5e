package io.github.calendlywebhook.micronaut;

import io.github.calendlywebhook.core.audit.AuditLog;
import io.github.calendlywebhook.core.audit.AuditRepository;
import io.github.calendlywebhook.core.config.CommonStoreProperties;
import io.github.calendlywebhook.core.store.ProjectingEventStore;
import io.github.calendlywebhook.core.metrics.DashboardMetrics;
import io.github.calendlywebhook.core.publication.ListenerDispatcher;
import io.github.calendlywebhook.core.publication.PublicationRegistry;
import io.github.calendlywebhook.core.store.RevenueSettings;
import io.github.calendlywebhook.core.store.RevenueSettingsStore;
import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.InMemoryEventStore;
import io.github.calendlywebhook.core.store.ProjectingEventStore;
import io.github.calendlywebhook.core.store.SchemaGate;
import io.micronaut.context.BeanContext;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the storage beans: in the application's {@link DataSource} when it has one (H2 or PostgreSQL,
 * tables created at startup unless they exist), in memory otherwise. Each is created only when the
 * application defines no bean of its type. A database that is down at startup does not stop the
 * application: deliveries are answered 503 until it is back, and the tables are installed then.
 */
@Factory
@Requires(property = CalendlyWebhookProperties.PREFIX + ".enabled", notEquals = "false")
public class CalendlyWebhookStoreFactory {

    private static final Logger LOG = LoggerFactory.getLogger(CalendlyWebhookStoreFactory.class);
    private static final String KEEP = CalendlyWebhookProperties.PREFIX + ".store.in-memory.keep";

    private static final Duration SCHEMA_RETRY = Duration.ofSeconds(5);

    /**
     * Returns the gate that installs the tables in the application's data source now or, when the database is
     * down at startup, once it is reachable (retried in the background and at each delivery), and that
     * compacts an embedded H2 file every {@code store.h2-compaction-interval}.
     *
     * @param dataSource the application's data source
     * @param properties the bound properties
     * @return the gate the JDBC stores connect through
     */
    @Singleton
    @Bean(preDestroy = "close")
    @Requires(beans = DataSource.class)
    @Requires(missingBeans = SchemaGate.class)
    SchemaGate calendlySchemaGate(DataSource dataSource, CalendlyWebhookProperties properties) {
        SchemaGate gate = SchemaGate.withShippedScripts(dataSource);
        gate.retryInBackground(SCHEMA_RETRY);
        gate.compactH2File(properties.getStore().getH2CompactionInterval());
        return gate;
    }

    /**
     * Returns the JDBC store on the application's data source or, without one, the in-memory store,
     * which loses events on restart.
     *
     * @param schema the schema gate of the application's data source, if any
     * @param properties the bound properties; {@code store.in-memory.*} shapes the in-memory store
     * @param clock the application's clock, if it declares one
     * @param dispatcher the dispatcher of the application's listeners; when its registry is in the
     *     database, the store writes the publications in each event's transaction
     * @param context the bean context, whose definitions tell whether the application reads the numbers
     * @return the store, which also maintains the dashboard counters unless, in memory under
     *     {@code keep=auto}, no bean of the application reads them
     */
    @Singleton
    @Requires(property = KEEP, notEquals = "keys")
    @Requires(missingBeans = EventStore.class)
    ProjectingEventStore calendlyEventStore(BeanProvider<SchemaGate> schema, CalendlyWebhookProperties properties,
            BeanProvider<Clock> clock, ListenerDispatcher dispatcher, BeanContext context) {
        if (schema.isPresent()) {
            return jdbc(schema.get(), dispatcher);
        }
        InMemoryEventStore store = inMemory(properties, clock);
        Set<String> readers = properties.getStore().getInMemory().getKeep() == CommonStoreProperties.InMemory.Keep.AUTO
                ? DashboardReaders.of(context) : Set.of();
        if (properties.getStore().getInMemory().retained(readers) == InMemoryEventStore.Retained.KEYS) {
            store.keepOnlyKeys();
        }
        LOG.info(properties.getStore().getInMemory().choice(readers));
        return store;
    }

    /**
     * Returns the keys-only in-memory store, chosen by {@code store.in-memory.keep=keys} for applications
     * without a database that only react through listeners. It is declared as a plain {@link EventStore}, so
     * no dashboard numbers are offered for it.
     *
     * @param properties the bound properties
     * @param clock the application's clock, if it declares one
     * @return the store
     */
    @Singleton
    @Requires(property = KEEP, value = "keys")
    @Requires(missingBeans = DataSource.class)
    @Requires(missingBeans = EventStore.class)
    EventStore calendlyKeysOnlyEventStore(CalendlyWebhookProperties properties, BeanProvider<Clock> clock) {
        LOG.info(properties.getStore().getInMemory().choice(Set.of()));
        return inMemory(properties, clock);
    }

    /**
     * Returns the JDBC store when {@code store.in-memory.keep=keys} is set but the application has a
     * database, which the setting does not concern.
     *
     * @param schema the schema gate of the application's data source
     * @param dispatcher the dispatcher of the application's listeners
     * @return the store, which also maintains the dashboard counters
     */
    @Singleton
    @Requires(property = KEEP, value = "keys")
    @Requires(beans = DataSource.class)
    @Requires(missingBeans = EventStore.class)
    ProjectingEventStore calendlyJdbcEventStoreDespiteKeysOnly(SchemaGate schema, ListenerDispatcher dispatcher) {
        return jdbc(schema, dispatcher);
    }

    private static ProjectingEventStore jdbc(SchemaGate schema, ListenerDispatcher dispatcher) {
        return dispatcher.jdbcEventStore(schema.dataSource());
    }

    private static InMemoryEventStore inMemory(CalendlyWebhookProperties properties, BeanProvider<Clock> clock) {
        LOG.warn("Calendly webhook events are kept in memory and are lost on restart: the store is not durable. "
                + "Add a javax.sql.DataSource bean (H2 or PostgreSQL) or an EventStore bean to store them durably.");
        return properties.getStore().getInMemory().applyTo(InMemoryEventStore.builder())
                .clock(CalendlyWebhookFactory.clock(clock)).build();
    }

    /**
     * Returns where listener publications are kept: beside the events in the application's data source when
     * the store is this factory's, in memory otherwise (an application's own store, or no data source).
     *
     * @param schema the schema gate of the application's data source, if any
     * @param context the bean context, to see whose store is used
     * @return the registry
     */
    @Singleton
    @Requires(missingBeans = PublicationRegistry.class)
    PublicationRegistry calendlyPublicationRegistry(BeanProvider<SchemaGate> schema, BeanContext context) {
        boolean ownStore = context.getBeanDefinitions(EventStore.class).stream().allMatch(definition -> definition
                .getDeclaringType().filter(CalendlyWebhookStoreFactory.class::equals).isPresent());
        return schema.isPresent() && ownStore ? PublicationRegistry.jdbc(schema.get().dataSource())
                : PublicationRegistry.inMemory();
    }

    /**
     * Returns the audit log in the application's data source or, without one, a bounded in-memory log.
     *
     * @param schema the schema gate of the application's data source, if any
     * @return the audit log, queryable
     */
    @Singleton
    @Requires(missingBeans = AuditLog.class)
    AuditRepository calendlyAuditLog(BeanProvider<SchemaGate> schema) {
        return schema.isPresent() ? AuditRepository.jdbc(schema.get().dataSource()) : AuditRepository.inMemory();
    }

    /**
     * Returns where the revenue settings live: the application's data source or memory.
     *
     * @param schema the schema gate of the application's data source, if any
     * @return the revenue settings store, starting from the defaults
     */
    @Singleton
    @Requires(missingBeans = RevenueSettingsStore.class)
    RevenueSettingsStore calendlyRevenueSettings(BeanProvider<SchemaGate> schema) {
        return schema.isPresent()
                ? RevenueSettingsStore.jdbc(schema.get().dataSource(), RevenueSettings.ofDefaults())
                : RevenueSettingsStore.inMemory(RevenueSettings.ofDefaults());
    }

    /**
     * Returns the dashboard numbers, read from the counters the store maintains.
     *
     * @param counters the store's counters
     * @param revenue the revenue settings
     * @param clock the application's clock deciding "today", if it declares one
     * @return the dashboard metrics
     */
    @Singleton
    @Requires(beans = ProjectingEventStore.class)
    @Requires(missingBeans = DashboardMetrics.class)
    DashboardMetrics calendlyDashboardMetrics(ProjectingEventStore counters, RevenueSettingsStore revenue,
            BeanProvider<Clock> clock) {
        return DashboardMetrics.create(counters, revenue, CalendlyWebhookFactory.clock(clock));
    }
}
