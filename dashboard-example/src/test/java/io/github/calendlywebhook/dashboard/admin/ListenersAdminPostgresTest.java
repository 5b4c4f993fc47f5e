package io.github.calendlywebhook.dashboard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.testing.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The admin panel's listener page with the publications in a real (embedded) PostgreSQL. */
@Import(ListenersAdminTest.Listeners.class)
@DirtiesContext
class ListenersAdminPostgresTest extends ListenersAdminTest {

    private static final EmbeddedPostgresServer POSTGRES = EmbeddedPostgresServer.start();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", POSTGRES::jdbcUrl);
        properties.add("spring.datasource.username", () -> "postgres");
        properties.add("spring.datasource.password", () -> "");
    }

    @Autowired
    DataSource dataSource;

    @Test
    void publicationsShouldLiveInPostgreSql() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }

    @AfterAll
    static void stopPostgres() {
        POSTGRES.close();
    }
}
