package io.github.calendlywebhook.micronaut;

import io.github.calendlywebhook.core.audit.AuditLog;
import io.github.calendlywebhook.core.audit.AuditRepository;
import io.github.calendlywebhook.core.audit.InMemoryAuditLog;
import io.github.calendlywebhook.core.store.CounterSource;
import io.github.calendlywebhook.core.metrics.DashboardMetrics;
import io.github.calendlywebhook.core.store.RevenueSettings;
import io.github.calendlywebhook.core.store.RevenueSettingsStore;
import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.InMemoryEventStore;
import io.github.calendlywebhook.core.store.JdbcAuditLog;
import io.github.calendlywebhook.core.store.JdbcEventStore;
import io.github.calendlywebhook.core.store.JdbcRevenueSettingsStore;
import io.github.calendlywebhook.core.store.JdbcSchema;
import io.github.calendlywebhook.core.store.ProjectingEventStore;
import io.github.calendlywebhook.core.store.StoreUnavailableException;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the storage beans: in the application's {@link DataSource} when it has one (H2 or PostgreSQL,
 * tables created at startup unless they exist), in memory otherwise. Each is created only when the
 * application defines no bean of its type. A database that is down at startup does not stop the
 * application: deliveries are answered 503 until it is back.
 */
@Factory
@Requires(property = CalendlyWebhookProperties.PREFIX + ".enabled", notEquals = "false")
public class CalendlyWebhookStoreFactory {

    private static final Logger LOG = LoggerFactory.getLogger(CalendlyWebhookStoreFactory.class);

    private final Set<DataSource> prepared = Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * Returns the JDBC store on the application's data source or, without one, the in-memory store,
     * which loses events on restart.
     *
     * @param dataSources the application's data source, if any
     * @return the store, which also maintains the dashboard counters
     */
    @Singleton
    @Requires(missingBeans = EventStore.class)
    ProjectingEventStore calendlyEventStore(BeanProvider<DataSource> dataSources) {
        if (dataSources.isPresent()) {
            return JdbcEventStore.create(withSchema(dataSources.get()));
        }
        LOG.warn("Calendly webhook events are kept in memory and are lost on restart: the store is not durable. "
                + "Add a javax.sql.DataSource bean (H2 or PostgreSQL) or an EventStore bean to store them durably.");
        return new InMemoryEventStore();
    }

    /**
     * Returns the audit log in the application's data source or, without one, a bounded in-memory log.
     *
     * @param dataSources the application's data source, if any
     * @return the audit log, queryable
     */
    @Singleton
    @Requires(missingBeans = AuditLog.class)
    AuditRepository calendlyAuditLog(BeanProvider<DataSource> dataSources) {
        return dataSources.isPresent() ? JdbcAuditLog.create(withSchema(dataSources.get())) : new InMemoryAuditLog();
    }

    /**
     * Returns where the revenue settings live: the application's data source or memory.
     *
     * @param dataSources the application's data source, if any
     * @return the revenue settings store, starting from the defaults
     */
    @Singleton
    @Requires(missingBeans = RevenueSettingsStore.class)
    RevenueSettingsStore calendlyRevenueSettings(BeanProvider<DataSource> dataSources) {
        return dataSources.isPresent()
                ? JdbcRevenueSettingsStore.create(withSchema(dataSources.get()), RevenueSettings.ofDefaults())
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
    @Requires(beans = CounterSource.class)
    @Requires(missingBeans = DashboardMetrics.class)
    DashboardMetrics calendlyDashboardMetrics(CounterSource counters, RevenueSettingsStore revenue,
            BeanProvider<Clock> clock) {
        return DashboardMetrics.create(counters, revenue, CalendlyWebhookFactory.clock(clock));
    }

    private synchronized DataSource withSchema(DataSource dataSource) {
        if (prepared.add(dataSource)) {
            try {
                if (JdbcSchema.create(dataSource)) {
                    LOG.info("Created the Calendly webhook tables");
                }
            } catch (StoreUnavailableException e) {
                LOG.warn("Could not check or create the Calendly webhook tables at startup ({}); deliveries are "
                        + "answered 503, so Calendly retries, until the database is reachable and the tables exist",
                        e.getMessage());
            }
        }
        return dataSource;
    }
}
