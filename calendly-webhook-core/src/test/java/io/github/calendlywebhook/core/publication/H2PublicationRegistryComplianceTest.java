package io.github.calendlywebhook.core.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;

class H2PublicationRegistryComplianceTest extends JdbcPublicationRegistryComplianceTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final List<JdbcConnectionPool> pools = new ArrayList<>();

    @Override
    protected DataSource newDatabase() {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:publications" + DATABASES.incrementAndGet()
                + ";DB_CLOSE_DELAY=-1", "sa", "");
        pools.add(pool);
        return pool;
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
