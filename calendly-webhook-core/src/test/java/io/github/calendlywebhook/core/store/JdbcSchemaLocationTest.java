package io.github.calendlywebhook.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.testing.EmbeddedPostgresServer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The migration directory an adapter hands to Flyway comes from the database behind the data source. */
class JdbcSchemaLocationTest {

    @Test
    void anH2DatabaseMigratesFromTheH2Scripts() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:schema-location;DB_CLOSE_DELAY=-1");

        String location = JdbcSchema.migrationLocation(h2);

        assertThat(location).isEqualTo("db/calendly/h2");
        assertThat(getClass().getClassLoader().getResource(location + "/V1__calendly_webhook.sql")).isNotNull();
    }

    @Test
    void aPostgresDatabaseMigratesFromThePostgresScripts() {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start()) {
            String location = JdbcSchema.migrationLocation(postgres.dataSource());

            assertThat(location).isEqualTo("db/calendly/postgresql");
            assertThat(getClass().getClassLoader().getResource(location + "/V1__calendly_webhook.sql")).isNotNull();
        }
    }
}
