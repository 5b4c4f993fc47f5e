package io.github.calendlywebhook.benchmarks.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.testing.EmbeddedPostgresServer;
import io.github.calendlywebhook.test.ConformanceSettings;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The {@code pg} environment as load.sh starts it, on a real PostgreSQL server given by {@code PG_URL}. */
@MicronautTest(environments = "pg")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "calendly.webhook.secret", value = ConformanceSettings.SECRET)
class PostgresStoreApplicationTest extends MicronautDatabaseApplicationContract implements TestPropertyProvider {

    private EmbeddedPostgresServer postgres;

    @Inject
    EventStore store;

    @Override
    public Map<String, String> getProperties() {
        postgres = EmbeddedPostgresServer.start();
        return Map.of("PG_URL", postgres.jdbcUrl());
    }

    @AfterAll
    void stopDatabase() {
        postgres.close();
    }

    @Test
    void pgEnvironmentShouldStoreEventsInPostgres() throws Exception {
        assertThat(store).extracting(bean -> bean.getClass().getSimpleName()).isEqualTo("JdbcEventStore");
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }
}
