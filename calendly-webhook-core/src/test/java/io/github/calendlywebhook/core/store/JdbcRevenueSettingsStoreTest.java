package io.github.calendlywebhook.core.store;

import io.github.calendlywebhook.test.RevenueSettingsStoreComplianceTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;

class JdbcRevenueSettingsStoreTest extends RevenueSettingsStoreComplianceTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final JdbcDataSource dataSource = new JdbcDataSource();

    JdbcRevenueSettingsStoreTest() {
        dataSource.setURL("jdbc:h2:mem:settings" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=10");
        JdbcSchema.create(dataSource);
    }

    @Override
    protected RevenueSettingsStore newStore(RevenueSettings defaults) {
        return JdbcRevenueSettingsStore.create(dataSource, defaults);
    }

    @Override
    protected RevenueSettingsStore reopen(RevenueSettingsStore store, RevenueSettings defaults) {
        return JdbcRevenueSettingsStore.create(dataSource, defaults);
    }
}
