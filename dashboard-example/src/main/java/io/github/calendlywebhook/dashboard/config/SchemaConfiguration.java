package io.github.calendlywebhook.dashboard.config;

import io.github.calendlywebhook.core.store.SchemaGate;
import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One installation of every table, once the database is reachable: the starter's gate installs the Calendly
 * tables ({@code calendly_schema_history}), then {@link DashboardTables} runs Spring Boot's Flyway over the
 * dashboard's own scripts ({@code flyway_schema_history}). Nothing connects while the context starts, so the
 * dashboard starts while its database is down.
 */
@Configuration(proxyBeanMethods = false)
class SchemaConfiguration {

    /** The dashboard's scripts for the database the URL names, chosen without a connection. */
    @Bean
    FlywayConfigurationCustomizer dashboardMigrationLocations(DataSourceProperties dataSource) {
        DatabaseDriver driver = DatabaseDriver.fromJdbcUrl(dataSource.determineUrl());
        if (driver != DatabaseDriver.H2 && driver != DatabaseDriver.POSTGRESQL) {
            throw new IllegalStateException("spring.datasource.url (SPRING_DATASOURCE_URL) must name an H2 or a "
                    + "PostgreSQL database, not " + driver.getId());
        }
        String vendor = driver.getId();
        return configuration -> configuration.locations("classpath:db/dashboard/" + vendor);
    }

    /** Leaves the migration to {@link DashboardTables}, which waits for the database. */
    @Bean
    FlywayMigrationStrategy migrationOnceTheDatabaseIsReachable() {
        return flyway -> { };
    }

    @Bean(destroyMethod = "close")
    DashboardTables dashboardTables(SchemaGate calendlyTables, Flyway flyway) {
        return new DashboardTables(calendlyTables, flyway);
    }
}
