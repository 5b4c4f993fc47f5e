package io.github.calendlywebhook.benchmarks.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.testing.EmbeddedPostgresServer;
import io.github.calendlywebhook.test.ConformanceSettings;
import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The {@code pg} profile as load.sh starts it, on a real PostgreSQL server given by {@code PG_URL}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "calendly.webhook.secret=" + ConformanceSettings.SECRET)
@ActiveProfiles("pg")
class PostgresStoreApplicationTest extends SpringDatabaseApplicationContract {

    private static EmbeddedPostgresServer postgres;

    @Autowired
    EventStore store;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        postgres = EmbeddedPostgresServer.start();
        registry.add("PG_URL", postgres::jdbcUrl);
    }

    @AfterAll
    static void stopDatabase() {
        postgres.close();
    }

    @Test
    void pgProfileShouldStoreEventsInPostgres() throws Exception {
        assertThat(store).extracting(bean -> bean.getClass().getSimpleName()).isEqualTo("JdbcEventStore");
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }
}
