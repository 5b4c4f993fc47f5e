package io.github.calendlywebhook.core.store;

import io.github.calendlywebhook.test.ProjectingEventStoreComplianceTest;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;

class H2InMemoryEventStoreComplianceTest extends ProjectingEventStoreComplianceTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final List<JdbcConnectionPool> pools = new ArrayList<>();

    @Override
    protected ProjectingEventStore newStore(ZoneId zone) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(
                "jdbc:h2:mem:store" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "");
        pools.add(pool);
        JdbcSchema.create(pool);
        return JdbcEventStore.create(pool, zone);
    }

    @AfterEach
    void dropDatabases() throws Exception {
        for (JdbcConnectionPool pool : pools) {
            try (var connection = pool.getConnection(); var statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
            pool.dispose();
        }
    }
}
