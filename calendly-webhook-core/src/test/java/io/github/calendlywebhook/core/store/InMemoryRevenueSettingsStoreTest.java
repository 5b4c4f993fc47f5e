package io.github.calendlywebhook.core.store;

import io.github.calendlywebhook.core.store.RevenueSettingsStore;
import io.github.calendlywebhook.core.store.RevenueSettings;
import io.github.calendlywebhook.test.RevenueSettingsStoreComplianceTest;

class InMemoryRevenueSettingsStoreTest extends RevenueSettingsStoreComplianceTest {

    @Override
    protected RevenueSettingsStore newStore(RevenueSettings defaults) {
        return RevenueSettingsStore.inMemory(defaults);
    }
}
