package io.github.calendlywebhook.core.publication;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;

/** Two instances on one H2 database, claiming by compare-and-set on the version. */
class H2TwoInstancesTest extends TwoInstancesTest {

    private JdbcConnectionPool pool;

    @Override
    protected DataSource newDatabase() {
        pool = JdbcConnectionPool.create("jdbc:h2:mem:two-instances;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "");
        pool.setMaxConnections(16);
        return pool;
    }

    @AfterEach
    void dropDatabase() throws Exception {
        try (var connection = pool.getConnection(); var statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
        pool.dispose();
    }
}
