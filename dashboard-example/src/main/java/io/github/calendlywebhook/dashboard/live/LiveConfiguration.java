package io.github.calendlywebhook.dashboard.live;

import io.github.calendlywebhook.dashboard.config.DashboardProperties;
import io.github.calendlywebhook.dashboard.read.MetricsService;
import io.github.calendlywebhook.dashboard.read.ReportPeriod;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the live stream hub to the change bus that fits the database. */
@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    @Bean
    ChangeBus changeBus(DataSource dataSource, DataSourceProperties url, DashboardProperties properties) {
        if (DatabaseDriver.fromJdbcUrl(url.determineUrl()) == DatabaseDriver.POSTGRESQL) {
            PostgresChangeBus bus = new PostgresChangeBus(dataSource, properties.notifyChannel());
            bus.start();
            return bus;
        }
        return new LocalChangeBus();
    }

    @Bean(destroyMethod = "close")
    SseHub sseHub(MetricsService metrics, DashboardProperties properties, ChangeBus bus) {
        SseHub hub = new SseHub(period -> metrics.snapshot(ReportPeriod.fromCode(period).orElseThrow()),
                properties.maxStreams(), properties.maxStreamsPerClient(), properties.streamTimeout(), properties.heartbeat());
        bus.subscribe(reason -> hub.changed());
        return hub;
    }
}
