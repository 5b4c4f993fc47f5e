package io.github.calendlywebhook.dashboard;

import io.github.calendlywebhook.core.audit.AuditRepository;
import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.metrics.DashboardMetrics;
import io.github.calendlywebhook.core.store.RevenueSettingsStore;
import io.github.calendlywebhook.core.delivery.DeliveryObserver;
import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.JdbcAuditLog;
import io.github.calendlywebhook.core.store.JdbcEventStore;
import io.github.calendlywebhook.dashboard.config.DashboardProperties;
import io.github.calendlywebhook.dashboard.live.ChangeBus;
import io.github.calendlywebhook.dashboard.settings.DatabaseRevenueSettings;
import io.github.calendlywebhook.dashboard.settings.SettingsRepository;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's own beans: clock, the JDBC event store (on the configured database, H2 by
 * default, with days in the configured time zone), the audit log (deliveries and admin actions, in the core's audit table),
 * revenue settings, the metrics read from the store's counters, and the observer that turns each
 * accepted delivery into a live update on every instance.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DashboardProperties.class)
class DashboardConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AuditRepository calendlyWebhookAuditLog(DataSource dataSource) {
        return JdbcAuditLog.create(dataSource);
    }

    @Bean
    JdbcEventStore calendlyWebhookEventStore(DataSource dataSource, SettingsRepository settings) {
        return JdbcEventStore.create(dataSource, settings.current().zone());
    }

    @Bean
    StoreViews storeViews(EventStore store) {
        return StoreViews.of(store);
    }

    @Bean
    RevenueSettingsStore revenueSettingsStore(SettingsRepository settings) {
        return new DatabaseRevenueSettings(settings);
    }

    @Bean
    DashboardMetrics dashboardMetrics(StoreViews views, RevenueSettingsStore settings, Clock clock) {
        return DashboardMetrics.create(views.counters(), settings, clock);
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
