package io.github.calendlywebhook.core.publication;

import io.github.calendlywebhook.core.testing.EmbeddedPostgresServer;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresPublicationCompletionsTest extends JdbcPublicationCompletionsTest {

    private static EmbeddedPostgresServer server;

    @BeforeAll
    static void startServer() {
        server = EmbeddedPostgresServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    protected JdbcConnectionPool newDatabase() {
        return server.newDatabase();
    }

    @Override
    protected void dispose(JdbcConnectionPool database) {
        database.dispose();
    }
}
