package io.github.calendlywebhook.dashboard;

import io.github.calendlywebhook.core.delivery.DeliveryObserver;
import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.publication.ListenerDispatcher;
import io.github.calendlywebhook.core.publication.PublicationRegistry;
import io.github.calendlywebhook.core.store.ProjectingEventStore;
import io.github.calendlywebhook.core.store.RevenueSettingsStore;
import io.github.calendlywebhook.core.store.SchemaGate;
import io.github.calendlywebhook.dashboard.config.DashboardProperties;
import io.github.calendlywebhook.dashboard.live.ChangeBus;
import io.github.calendlywebhook.dashboard.settings.DatabaseRevenueSettings;
import io.github.calendlywebhook.dashboard.settings.SettingsRepository;
import java.time.Clock;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;

/**
 * The application's own beans, where it differs from the starter: the clock, the JDBC event store with
 * days in the configured time zone writing the listener publications in each event's transaction, revenue
 * settings edited in the admin panel, and the observer that turns each accepted delivery into a live update
 * on every instance. The starter provides the rest (the audit log in the application's database, the
 * dashboard metrics read from the store's counters, the webhook settings and processor).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DashboardProperties.class)
class DashboardConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PublicationRegistry calendlyWebhookPublicationRegistry(SchemaGate schema) {
        return PublicationRegistry.jdbc(schema.dataSource());
    }

    @Bean
    ProjectingEventStore calendlyWebhookEventStore(SchemaGate schema, SettingsRepository settings,
            DashboardProperties defaults, ListenerDispatcher listeners) {
        return listeners.jdbcEventStore(schema.dataSource(), zone(settings, defaults));
    }

    /** The saved time zone, or {@code DASHBOARD_TIMEZONE} when the database is down at startup. */
    private static ZoneId zone(SettingsRepository settings, DashboardProperties defaults) {
        try {
            return settings.current().zone();
        } catch (DataAccessException e) {
            ZoneId zone = ZoneId.of(defaults.timezone().trim());
            LOG.warn("The database is unreachable at startup: days are counted in {} (DASHBOARD_TIMEZONE) until the "
                    + "next start, not in a time zone saved in the admin panel", zone);
            return zone;
        }
    }

    @Bean
    RevenueSettingsStore revenueSettingsStore(SettingsRepository settings) {
        return new DatabaseRevenueSettings(settings);
    }

    @Bean
    DeliveryObserver liveUpdateObserver(ChangeBus changes) {
        return result -> {
            if (result.outcome() == Outcome.ACCEPTED) {
                changes.publish("delivery");
            }
        };
    }
}
