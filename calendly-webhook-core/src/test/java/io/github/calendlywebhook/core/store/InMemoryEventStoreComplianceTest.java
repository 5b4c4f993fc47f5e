package io.github.calendlywebhook.core.store;

import io.github.calendlywebhook.core.testing.EventStoreComplianceTest;
import java.time.ZoneId;

class InMemoryEventStoreComplianceTest extends EventStoreComplianceTest {

    @Override
    protected ProjectingEventStore newStore(ZoneId zone) {
        return new InMemoryEventStore(zone);
    }
}
