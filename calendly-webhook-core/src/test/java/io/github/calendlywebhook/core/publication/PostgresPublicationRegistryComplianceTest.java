package io.github.calendlywebhook.core.publication;

import io.github.calendlywebhook.core.testing.EmbeddedPostgresServer;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

class PostgresPublicationRegistryComplianceTest extends JdbcPublicationRegistryComplianceTest {

    private static EmbeddedPostgresServer server;

    private final List<JdbcConnectionPool> pools = new ArrayList<>();

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
        JdbcConnectionPool pool = server.newDatabase();
        pools.add(pool);
        return pool;
    }

    @AfterEach
    void closeDatabases() {
        pools.forEach(JdbcConnectionPool::dispose);
    }
}
