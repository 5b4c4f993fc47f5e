package io.github.calendlywebhook.core.store;

import io.github.calendlywebhook.test.ProjectingEventStoreComplianceTest;
import java.time.ZoneId;

class InMemoryEventStoreComplianceTest extends ProjectingEventStoreComplianceTest {

    @Override
    protected ProjectingEventStore newStore(ZoneId zone) {
        return new InMemoryEventStore(zone);
    }
}
