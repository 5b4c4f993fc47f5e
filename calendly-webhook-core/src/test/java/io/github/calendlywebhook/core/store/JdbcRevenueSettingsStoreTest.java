package io.github.calendlywebhook.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.metrics.RevenueSettings;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class JdbcRevenueSettingsStoreTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final JdbcDataSource dataSource = new JdbcDataSource();

    JdbcRevenueSettingsStoreTest() {
        dataSource.setURL("jdbc:h2:mem:settings" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=10");
        JdbcSchema.create(dataSource);
    }

    @Test
    void returnsTheDefaultsUntilTheFirstSave() {
        JdbcRevenueSettingsStore store = JdbcRevenueSettingsStore.create(dataSource, RevenueSettings.ofDefaults());

        assertThat(store.load()).isEqualTo(RevenueSettings.ofDefaults());
    }

    @Test
    void readsBackWhatWasSaved() {
        JdbcRevenueSettingsStore store = JdbcRevenueSettingsStore.create(dataSource, RevenueSettings.ofDefaults());
        RevenueSettings saved = new RevenueSettings(new BigDecimal("150.00"),
                Map.of("https://api.calendly.com/event_types/A", new BigDecimal("99.95")), Currency.getInstance("EUR"));

        store.save(saved);

        assertThat(JdbcRevenueSettingsStore.create(dataSource, RevenueSettings.ofDefaults()).load()).isEqualTo(saved);
    }

    @Test
    void replacesEveryPreviousEventTypeValueOnSave() {
        JdbcRevenueSettingsStore store = JdbcRevenueSettingsStore.create(dataSource, RevenueSettings.ofDefaults());
        store.save(new RevenueSettings(BigDecimal.TEN, Map.of("a", BigDecimal.ONE), Currency.getInstance("USD")));

        store.save(new RevenueSettings(BigDecimal.TEN, Map.of("b", BigDecimal.ONE), Currency.getInstance("USD")));

        assertThat(store.load().valuePerEventType()).containsOnlyKeys("b");
    }
}
