package io.github.calendlywebhook.core.metrics;

import io.github.calendlywebhook.test.RevenueSettingsStoreComplianceTest;

class InMemoryRevenueSettingsStoreTest extends RevenueSettingsStoreComplianceTest {

    @Override
    protected RevenueSettingsStore newStore(RevenueSettings defaults) {
        return RevenueSettingsStore.inMemory(defaults);
    }
}
