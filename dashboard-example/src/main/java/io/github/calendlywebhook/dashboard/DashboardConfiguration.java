package io.github.calendlywebhook.dashboard;

import io.github.calendlywebhook.core.audit.AggregatingAuditLog;
import io.github.calendlywebhook.core.audit.AuditLog;
import io.github.calendlywebhook.core.audit.Outcome;
import io.github.calendlywebhook.core.metrics.DashboardMetrics;
import io.github.calendlywebhook.core.metrics.RevenueSettingsStore;
import io.github.calendlywebhook.core.pipeline.DeliveryObserver;
import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.JdbcEventStore;
import io.github.calendlywebhook.dashboard.admin.JdbcAuditTrail;
import io.github.calendlywebhook.dashboard.config.DashboardProperties;
import io.github.calendlywebhook.dashboard.live.ChangeBus;
import io.github.calendlywebhook.dashboard.settings.DatabaseRevenueSettings;
import io.github.calendlywebhook.dashboard.settings.SettingsRepository;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application's own beans: clock, the JDBC event store (on the configured database, H2 by
 * default, with days in the configured time zone), the audit trail behind the webhook processor's audit log,
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
    JdbcAuditTrail auditTrail(JdbcTemplate jdbc) {
        return new JdbcAuditTrail(jdbc);
    }

    @Bean
    @Primary
    AuditLog calendlyWebhookAuditLog(JdbcAuditTrail trail, Clock clock) {
        return AggregatingAuditLog.wrap(trail, clock, AggregatingAuditLog.DEFAULT_WINDOW);
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
