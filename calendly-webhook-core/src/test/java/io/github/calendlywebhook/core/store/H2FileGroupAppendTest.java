package io.github.calendlywebhook.core.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class H2FileGroupAppendTest extends JdbcGroupAppendTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @TempDir
    Path directory;

    private final List<JdbcConnectionPool> pools = new ArrayList<>();

    @Override
    protected DataSource newDatabase() {
        Path file = directory.resolve("group" + DATABASES.incrementAndGet());
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "");
        pool.setMaxConnections(16);
        pools.add(pool);
        JdbcSchema.create(pool);
        return pool;
    }

    @AfterEach
    void closeDatabases() {
        pools.forEach(JdbcConnectionPool::dispose);
    }
}
