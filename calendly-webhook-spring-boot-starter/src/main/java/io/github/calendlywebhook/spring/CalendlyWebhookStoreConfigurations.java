package io.github.calendlywebhook.spring;

import io.github.calendlywebhook.core.audit.AuditLog;
import io.github.calendlywebhook.core.audit.AuditRepository;
import io.github.calendlywebhook.core.publication.ListenerDispatcher;
import io.github.calendlywebhook.core.publication.PublicationRegistry;
import io.github.calendlywebhook.core.store.ProjectingEventStore;
import io.github.calendlywebhook.core.store.RevenueSettings;
import io.github.calendlywebhook.core.store.RevenueSettingsStore;
import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.InMemoryEventStore;
import io.github.calendlywebhook.core.store.JdbcSchema;
import io.github.calendlywebhook.core.store.SchemaGate;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
    private static final Duration SCHEMA_RETRY = Duration.ofSeconds(5);
    private static final String KEEP = CalendlyWebhookProperties.PREFIX + ".store.in-memory.keep";

    private CalendlyWebhookStoreConfigurations() {
    }

    /**
     * Stores events, audit entries and revenue settings in the application's database, installing the
     * tables first (with Flyway when the application uses it, else with the shipped script), or once the
     * database is reachable when it is down at startup.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnSingleCandidate(DataSource.class)
    static class Jdbc {

        /**
         * Installs the tables now or, with the database down, once it is reachable (retried in the background
         * and at each delivery); until then deliveries are answered 503. Compacts an embedded H2 file every
         * {@code calendly.webhook.store.h2-compaction-interval}.
         */
        @Bean(destroyMethod = "close")
        @DependsOnDatabaseInitialization
        @ConditionalOnMissingBean
        SchemaGate calendlyWebhookSchemaGate(DataSource dataSource, SchemaInstaller schema,
                CalendlyWebhookProperties properties) {
            SchemaGate gate = SchemaGate.open(dataSource, schema::install);
            gate.retryInBackground(SCHEMA_RETRY);
            gate.compactH2File(properties.getStore().getH2CompactionInterval());
            return gate;
        }

        @Bean
        @ConditionalOnMissingBean(EventStore.class)
        ProjectingEventStore calendlyWebhookEventStore(SchemaGate schema, ListenerDispatcher dispatcher) {
            return dispatcher.jdbcEventStore(schema.dataSource());
        }

        @Bean
        @ConditionalOnMissingBean(AuditLog.class)
        AuditRepository calendlyWebhookAuditLog(SchemaGate schema) {
            return AuditRepository.jdbc(schema.dataSource());
        }

        @Bean
        @ConditionalOnMissingBean
        RevenueSettingsStore calendlyWebhookRevenueSettings(SchemaGate schema) {
            return RevenueSettingsStore.jdbc(schema.dataSource(), RevenueSettings.ofDefaults());
        }

        /**
         * Keeps the listener publications beside the events, written in each event's transaction, when the
         * event store is the starter's (an application's own store gets the in-memory registry).
         */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnMissingBean(EventStore.class)
        static class Publications {

            @Bean
            @ConditionalOnMissingBean
            PublicationRegistry calendlyWebhookPublicationRegistry(SchemaGate schema) {
                return PublicationRegistry.jdbc(schema.dataSource());
            }
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

    /**
     * Keeps audit entries in memory, and delivery keys and the dashboard counters for
     * {@code calendly.webhook.store.in-memory.retention}, for applications without a database.
     */
    @Configuration(proxyBeanMethods = false)
    static class InMemory {

        @Bean
        @ConditionalOnMissingBean(AuditLog.class)
        AuditRepository calendlyWebhookAuditLog() {
            return AuditRepository.inMemory();
        }

        @Bean
        @ConditionalOnMissingBean
        RevenueSettingsStore calendlyWebhookRevenueSettings() {
            return RevenueSettingsStore.inMemory(RevenueSettings.ofDefaults());
        }

        /**
         * Returns the store that keeps counters, or under {@code keep=auto} keeps them until
         * {@link InMemoryStoreModeChooser} knows whether the application reads them.
         */
        @Bean
        @ConditionalOnMissingBean(EventStore.class)
        @ConditionalOnExpression("!'${" + KEEP + ":auto}'.equalsIgnoreCase('keys')")
        InMemoryEventStore calendlyWebhookEventStore(CalendlyWebhookProperties properties, ObjectProvider<Clock> clock) {
            return inMemory(properties, clock);
        }

        /**
         * Returns the keys-only store, declared as a plain {@link EventStore} so that no dashboard numbers are
         * offered for it.
         */
        @Bean
        @ConditionalOnMissingBean(EventStore.class)
        @ConditionalOnProperty(name = KEEP, havingValue = "keys")
        EventStore calendlyWebhookKeysOnlyEventStore(CalendlyWebhookProperties properties, ObjectProvider<Clock> clock) {
            return inMemory(properties, clock);
        }

        @Bean
        InMemoryStoreModeChooser calendlyWebhookInMemoryStoreMode(ConfigurableListableBeanFactory beans,
                CalendlyWebhookProperties properties) {
            return new InMemoryStoreModeChooser(beans, properties, "calendlyWebhookEventStore",
                    "calendlyWebhookKeysOnlyEventStore");
        }

        private static InMemoryEventStore inMemory(CalendlyWebhookProperties properties, ObjectProvider<Clock> clock) {
            LOG.warn("Calendly webhook events are kept in memory and are lost on restart: the store is not "
                    + "durable. Add a DataSource (spring-boot-starter-jdbc and a database driver) or an EventStore "
                    + "bean to store them durably.");
            return properties.getStore().getInMemory().applyTo(InMemoryEventStore.builder())
                    .clock(CalendlyWebhookAutoConfiguration.clock(clock)).build();
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
