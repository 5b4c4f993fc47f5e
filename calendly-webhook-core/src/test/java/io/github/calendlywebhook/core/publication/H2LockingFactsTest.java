package io.github.calendlywebhook.core.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The H2 behaviour the H2 claim relies on (H2 2.3.232): an UPDATE that waits for a row another
 * transaction changed evaluates its WHERE again on the committed row, so a compare-and-set on a version
 * taken by the other transaction changes nothing.
 */
class H2LockingFactsTest {

    private final JdbcConnectionPool database = JdbcConnectionPool.create(
            "jdbc:h2:mem:locking;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000", "sa", "");

    @AfterEach
    void drop() throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
        database.dispose();
    }

    private static boolean someoneIsBlocked(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL")) {
            row.next();
            return row.getLong(1) > 0;
        }
    }

    @Test
    void aCompareAndSetThatWaitedForAConcurrentWinnerChangesNothing() throws Exception {
        try (Connection winner = database.getConnection(); Connection observer = database.getConnection();
                Statement setup = winner.createStatement()) {
            setup.execute("CREATE TABLE claim (id INT PRIMARY KEY, version BIGINT NOT NULL, owner VARCHAR(10))");
            setup.execute("INSERT INTO claim VALUES (1, 1, NULL)");
            winner.setAutoCommit(false);
            try (Statement take = winner.createStatement()) {
                assertThat(take.executeUpdate("UPDATE claim SET version = 2, owner = 'a' WHERE id = 1 AND version = 1"))
                        .isEqualTo(1);
            }

            CompletableFuture<Integer> loser = CompletableFuture.supplyAsync(() -> {
                try (Connection connection = database.getConnection(); Statement take = connection.createStatement()) {
                    return take.executeUpdate("UPDATE claim SET version = 2, owner = 'b' WHERE id = 1 AND version = 1");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            while (!someoneIsBlocked(observer)) {
                Thread.onSpinWait();
            }
            winner.commit();

            assertThat(loser.join()).isZero();
            try (Statement read = observer.createStatement();
                    ResultSet row = read.executeQuery("SELECT owner FROM claim WHERE id = 1")) {
                row.next();
                assertThat(row.getString(1)).isEqualTo("a");
            }
        }
    }
}
