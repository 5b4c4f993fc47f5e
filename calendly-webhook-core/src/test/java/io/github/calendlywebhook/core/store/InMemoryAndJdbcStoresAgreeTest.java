package io.github.calendlywebhook.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.metrics.DashboardMetrics;
import io.github.calendlywebhook.core.metrics.Period;
import io.github.calendlywebhook.test.MutableClock;
import io.github.calendlywebhook.test.ShuffledLoad;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The in-memory store, which keeps packed per-invitee states and the details of the newest bookings only,
 * against the JDBC store, which keeps every row: the same shuffled, duplicated sequence of creates,
 * cancels, reschedule pairs, no-show marks and removals, paid and test bookings and leads gives every
 * dashboard number and the recent-bookings list identically.
 */
class InMemoryAndJdbcStoresAgreeTest {

    private static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final JdbcConnectionPool pool = JdbcConnectionPool.create(
            "jdbc:h2:mem:agree;DB_CLOSE_DELAY=-1", "sa", "");
    private final RevenueSettingsStore settings = RevenueSettingsStore.inMemory(new RevenueSettings(
            new BigDecimal("100"), Map.of("https://api.calendly.com/event_types/audit", new BigDecimal("250")),
            Currency.getInstance("EUR")));

    @AfterEach
    void dropDatabase() throws Exception {
        try (var connection = pool.getConnection(); var statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
        pool.dispose();
    }

    @Test
    void giveTheSameSummariesSeriesBreakdownsAndRecentBookingsForTheSameDeliveries() {
        ShuffledLoad load = new ShuffledLoad(2026, 4_000);
        InMemoryEventStore memory = InMemoryEventStore.builder().zone(ZONE).clock(MutableClock.at(NOW)).build();
        JdbcSchema.create(pool);
        JdbcEventStore jdbc = JdbcEventStore.create(pool, ZONE);

        load.deliveries().forEach(delivery -> {
            assertThat(memory.append(delivery)).isEqualTo(jdbc.append(delivery));
        });
        memory.recordLead("lead-1", NOW.minusSeconds(3_600), false);
        jdbc.recordLead("lead-1", NOW.minusSeconds(3_600), false);

        DashboardMetrics fromMemory = metrics(memory);
        DashboardMetrics fromJdbc = metrics(jdbc);
        for (boolean includeTest : new boolean[] {false, true}) {
            for (Period period : Period.values()) {
                assertThat(fromMemory.summary(period, includeTest)).as("%s, test %s", period, includeTest)
                        .isEqualTo(fromJdbc.summary(period, includeTest));
                assertThat(fromMemory.breakdown(period, includeTest)).as("%s, test %s", period, includeTest)
                        .isEqualTo(fromJdbc.breakdown(period, includeTest));
            }
            assertThat(fromMemory.daily(ShuffledLoad.RANGE, includeTest))
                    .isEqualTo(fromJdbc.daily(ShuffledLoad.RANGE, includeTest));
            assertSameBookings(fromMemory.recentBookings(10, includeTest), fromJdbc.recentBookings(10, includeTest));
            assertSameBookings(memory.recentBookings(InMemoryEventStore.DEFAULT_RECENT_BOOKINGS, includeTest),
                    jdbc.recentBookings(InMemoryEventStore.DEFAULT_RECENT_BOOKINGS, includeTest));
        }
        assertThat(fromMemory.summary(Period.ALL_TIME).current().newBookings()).isPositive();
        assertThat(memory.totals(true)).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(jdbc.totals(true));
        assertThat(memory.eventTypeNames()).isEqualTo(jdbc.eventTypeNames());
    }

    /** The same bookings in the same order; a paid amount may differ only in trailing zeros (the columns keep four decimals). */
    private static void assertSameBookings(List<RecentBooking> actual, List<RecentBooking> expected) {
        assertThat(actual).hasSize(expected.size()).isNotEmpty();
        assertThat(actual).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(expected);
    }

    private DashboardMetrics metrics(ProjectingEventStore store) {
        return DashboardMetrics.create(store, settings, Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
