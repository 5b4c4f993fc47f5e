package io.github.calendlywebhook.dashboard;

import io.github.calendlywebhook.core.metrics.CounterSource;
import io.github.calendlywebhook.core.metrics.DashboardMetrics;
import io.github.calendlywebhook.core.metrics.RevenueSettingsStore;
import io.github.calendlywebhook.dashboard.admin.JdbcAuditTrail;
import io.github.calendlywebhook.dashboard.config.DashboardProperties;
import io.github.calendlywebhook.dashboard.settings.DatabaseRevenueSettings;
import io.github.calendlywebhook.dashboard.settings.SettingsRepository;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application's own beans: clock, the audit trail (the webhook processor's audit log), revenue
 * settings and the metrics read over the store.
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
    RevenueSettingsStore revenueSettingsStore(SettingsRepository settings) {
        return new DatabaseRevenueSettings(settings);
    }

    @Bean
    DashboardMetrics dashboardMetrics(CounterSource counters, RevenueSettingsStore settings, Clock clock) {
        return DashboardMetrics.create(counters, settings, clock);
    }
}
