package io.github.calendlywebhook.core.publication;

import io.github.calendlywebhook.core.testing.EmbeddedPostgresServer;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** Two instances on one embedded PostgreSQL, claiming with {@code FOR UPDATE SKIP LOCKED}. */
class PostgresTwoInstancesTest extends TwoInstancesTest {

    private static EmbeddedPostgresServer server;
    private JdbcConnectionPool pool;

    @BeforeAll
    static void startServer() {
        server = EmbeddedPostgresServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    protected DataSource newDatabase() {
        pool = server.newDatabase();
        return pool;
    }

    @AfterEach
    void closeDatabase() {
        pool.dispose();
    }
}
