package io.github.calendlywebhook.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.testing.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresSmokeTest {

    @Test
    void startsARealPostgresServer() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start();
                Connection connection = server.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version()")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).startsWith("PostgreSQL");
        }
    }
}
