package io.github.calendlywebhook.core.publication;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcConnectionPool;

class H2PublicationCompletionsTest extends JdbcPublicationCompletionsTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    protected JdbcConnectionPool newDatabase() {
        return JdbcConnectionPool.create("jdbc:h2:mem:completions" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1",
                "sa", "");
    }

    @Override
    protected void dispose(JdbcConnectionPool database) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
        database.dispose();
    }
}
