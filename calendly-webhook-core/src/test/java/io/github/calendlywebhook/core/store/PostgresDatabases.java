package io.github.calendlywebhook.core.store;

import io.github.calendlywebhook.core.testing.EmbeddedPostgresServer;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded PostgreSQL server per test class, and a new database with the schema installed on each
 * request, disposed of after the test. Register it in a static field with {@code @RegisterExtension}.
 */
final class PostgresDatabases implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    private final List<JdbcConnectionPool> pools = new ArrayList<>();
    private @Nullable EmbeddedPostgresServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = EmbeddedPostgresServer.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        pools.forEach(JdbcConnectionPool::dispose);
        pools.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
    }

    /** Returns a pool on a new, empty database whose tables exist. */
    JdbcConnectionPool newDatabase() {
        if (server == null) {
            throw new IllegalStateException("register PostgresDatabases in a static field with @RegisterExtension");
        }
        JdbcConnectionPool pool = server.newDatabase();
        pools.add(pool);
        JdbcSchema.create(pool);
        return pool;
    }

    /** Returns the database made last. */
    JdbcConnectionPool latest() {
        return pools.get(pools.size() - 1);
    }
}
