package io.github.calendlywebhook.core.store;

import io.github.calendlywebhook.test.ProjectingEventStoreComplianceTest;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class H2FileEventStoreComplianceTest extends ProjectingEventStoreComplianceTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @TempDir
    Path directory;

    private final List<JdbcConnectionPool> pools = new ArrayList<>();

    @Override
    protected ProjectingEventStore newStore(ZoneId zone) {
        Path file = directory.resolve("store" + DATABASES.incrementAndGet());
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "");
        pools.add(pool);
        JdbcSchema.create(pool);
        return JdbcEventStore.create(pool, zone);
    }

    @AfterEach
    void closeDatabases() {
        pools.forEach(JdbcConnectionPool::dispose);
    }
}
