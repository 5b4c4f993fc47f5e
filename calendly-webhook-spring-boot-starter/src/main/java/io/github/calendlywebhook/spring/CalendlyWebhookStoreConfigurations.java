package io.github.calendlywebhook.spring;

import io.github.calendlywebhook.core.audit.AuditLog;
import io.github.calendlywebhook.core.audit.AuditRepository;
import io.github.calendlywebhook.core.audit.InMemoryAuditLog;
import io.github.calendlywebhook.core.store.RevenueSettings;
import io.github.calendlywebhook.core.store.RevenueSettingsStore;
import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.InMemoryEventStore;
import io.github.calendlywebhook.core.store.JdbcAuditLog;
import io.github.calendlywebhook.core.store.JdbcEventStore;
import io.github.calendlywebhook.core.store.JdbcRevenueSettingsStore;
import io.github.calendlywebhook.core.store.JdbcSchema;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event store and the audit log: in the application's database when it has a {@code DataSource},
 * in memory otherwise.
 */
final class CalendlyWebhookStoreConfigurations {

    private static final Log LOG = LogFactory.getLog(CalendlyWebhookStoreConfigurations.class);
    private static final String FLYWAY = "org.flywaydb.core.Flyway";

    private CalendlyWebhookStoreConfigurations() {
    }

    /**
     * Stores events, audit entries and revenue settings in the application's database, installing the
     * tables first: with Flyway when the application uses it, else with the shipped script.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnSingleCandidate(DataSource.class)
    static class Jdbc {

        @Bean
        @DependsOnDatabaseInitialization
        @ConditionalOnMissingBean(EventStore.class)
        JdbcEventStore calendlyWebhookEventStore(DataSource dataSource, ObjectProvider<SchemaInstaller> schema) {
            schema.ifAvailable(installer -> installer.install(dataSource));
            return JdbcEventStore.create(dataSource);
        }

        @Bean
        @DependsOnDatabaseInitialization
        @ConditionalOnMissingBean(AuditLog.class)
        AuditRepository calendlyWebhookAuditLog(DataSource dataSource, ObjectProvider<SchemaInstaller> schema) {
            schema.ifAvailable(installer -> installer.install(dataSource));
            return JdbcAuditLog.create(dataSource);
        }

        @Bean
        @DependsOnDatabaseInitialization
        @ConditionalOnMissingBean
        RevenueSettingsStore calendlyWebhookRevenueSettings(DataSource dataSource, ObjectProvider<SchemaInstaller> schema) {
            schema.ifAvailable(installer -> installer.install(dataSource));
            return JdbcRevenueSettingsStore.create(dataSource, RevenueSettings.ofDefaults());
        }

        /** Migrates the Calendly tables with Flyway when the application uses Flyway. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = FLYWAY)
        @ConditionalOnBean(type = FLYWAY)
        static class FlywaySchema {

            @Bean
            @ConditionalOnMissingBean
            SchemaInstaller calendlyWebhookSchema() {
                return new CalendlyFlywayMigration();
            }
        }

        /** Creates the tables with the shipped script when the application does not use Flyway. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnMissingBean(type = FLYWAY)
        static class ScriptSchema {

            @Bean
            @ConditionalOnMissingBean
            SchemaInstaller calendlyWebhookSchema() {
                return new SchemaScript();
            }
        }
    }

    /** Keeps events and audit entries in memory, for applications without a database. */
    @Configuration(proxyBeanMethods = false)
    static class InMemory {

        @Bean
        @ConditionalOnMissingBean(AuditLog.class)
        AuditRepository calendlyWebhookAuditLog() {
            return new InMemoryAuditLog();
        }

        @Bean
        @ConditionalOnMissingBean
        RevenueSettingsStore calendlyWebhookRevenueSettings() {
            return RevenueSettingsStore.inMemory(RevenueSettings.ofDefaults());
        }

        @Bean
        @ConditionalOnMissingBean(EventStore.class)
        InMemoryEventStore calendlyWebhookEventStore() {
            LOG.warn("Calendly webhook events are kept in memory and are lost on restart: the store is not "
                    + "durable. Add a DataSource (spring-boot-starter-jdbc and a database driver) or an EventStore "
                    + "bean to store them durably.");
            return new InMemoryEventStore();
        }
    }

    /** Creates the Calendly tables with the core schema script unless they exist. */
    static final class SchemaScript implements SchemaInstaller {

        private boolean installed;

        @Override
        public synchronized void install(DataSource dataSource) {
            if (!installed && JdbcSchema.create(dataSource)) {
                LOG.info("Created the Calendly webhook tables");
            }
            installed = true;
        }
    }
}
