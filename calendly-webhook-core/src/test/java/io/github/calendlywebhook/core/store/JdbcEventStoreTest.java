package io.github.calendlywebhook.core.store;

import static io.github.calendlywebhook.test.EventFixtures.canceled;
import static io.github.calendlywebhook.test.EventFixtures.created;
import static io.github.calendlywebhook.test.EventFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.metrics.DashboardMetrics;
import io.github.calendlywebhook.core.metrics.MetricsSummary;
import io.github.calendlywebhook.core.metrics.Period;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcEventStoreTest {

    private static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");

    @TempDir
    Path directory;

    private static DashboardMetrics metrics(JdbcEventStore store) {
        return DashboardMetrics.create(store, RevenueSettingsStore.inMemory(RevenueSettings.ofDefaults()),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void readsTheNumbersFromCountersWithoutTheEventTable() throws Exception {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:counters-only;DB_CLOSE_DELAY=-1", "sa", "");
        try {
            JdbcSchema.create(pool);
            JdbcEventStore store = JdbcEventStore.create(pool);
            store.append(stored(created("a", "intro", NOW.minusSeconds(600))));
            store.append(stored(created("b", "intro", NOW.minusSeconds(500))));
            store.append(stored(canceled("b", "intro", NOW.minusSeconds(400))));
            MetricsSummary before = metrics(store).summary(Period.TODAY);

            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM calendly_event");
            }

            assertThat(metrics(store).summary(Period.TODAY)).isEqualTo(before);
            assertThat(before.bookedAppointments()).isEqualTo(1);
        } finally {
            pool.dispose();
        }
    }

    @Test
    void keepsEventsAndNumbersAcrossARestartOfAFileDatabase() {
        String url = "jdbc:h2:file:" + directory.resolve("restart").toAbsolutePath();
        JdbcConnectionPool first = JdbcConnectionPool.create(url, "sa", "");
        JdbcSchema.create(first);
        JdbcEventStore.create(first).append(stored(created("a", "intro", NOW.minusSeconds(600))));
        first.dispose();

        JdbcConnectionPool second = JdbcConnectionPool.create(url, "sa", "");
        try {
            JdbcEventStore reopened = JdbcEventStore.create(second);

            assertThat(JdbcSchema.create(second)).isFalse();
            assertThat(reopened.append(stored(created("a", "intro", NOW.minusSeconds(600)))))
                    .isEqualTo(AppendResult.DUPLICATE);
            assertThat(metrics(reopened).summary(Period.TODAY).bookedAppointments()).isEqualTo(1);
        } finally {
            second.dispose();
        }
    }
}
