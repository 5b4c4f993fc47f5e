package io.github.calendlywebhook.core.store;

import static io.github.calendlywebhook.test.EventFixtures.created;
import static io.github.calendlywebhook.test.EventFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class JdbcStoreFailureTest {

    private static final String PASSWORD = "s3cret-db-password";

    @Test
    void reportsAMissingDatabaseAsUnavailableWithoutTheCredentials() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:failure;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        dataSource.setPassword(PASSWORD);
        JdbcSchema.create(dataSource);
        JdbcEventStore store = JdbcEventStore.create(dataSource);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE calendly_event");
        }

        assertThatThrownBy(() -> store.append(stored(created("a", "intro", Instant.parse("2026-03-15T10:00:00Z")))))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith("could not store the event")
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void startsWhileTheDatabaseIsDownAndReportsItUnavailableOnUse() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:/nonexistent-directory/calendly;IFEXISTS=TRUE");
        dataSource.setPassword(PASSWORD);

        JdbcEventStore store = JdbcEventStore.create(dataSource);

        assertThatThrownBy(() -> store.append(stored(created("a", "intro", Instant.parse("2026-03-15T10:00:00Z")))))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageNotContaining(PASSWORD);
        assertThatThrownBy(() -> store.totals(false)).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void createsTheSchemaOnlyOnce() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:schema-once;DB_CLOSE_DELAY=10");

        boolean first = JdbcSchema.create(dataSource);
        boolean second = JdbcSchema.create(dataSource);

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(JdbcSchema.exists(dataSource)).isTrue();
    }
}
