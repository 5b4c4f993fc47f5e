package io.github.calendlywebhook.core.store;

import io.github.calendlywebhook.test.RevenueSettingsStoreComplianceTest;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresRevenueSettingsStoreTest extends RevenueSettingsStoreComplianceTest {

    @RegisterExtension
    static final PostgresDatabases POSTGRES = new PostgresDatabases();

    @Override
    protected RevenueSettingsStore newStore(RevenueSettings defaults) {
        return JdbcRevenueSettingsStore.create(POSTGRES.newDatabase(), defaults);
    }

    @Override
    protected RevenueSettingsStore reopen(RevenueSettingsStore store, RevenueSettings defaults) {
        return JdbcRevenueSettingsStore.create(POSTGRES.latest(), defaults);
    }
}
