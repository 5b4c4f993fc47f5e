package io.github.calendlywebhook.core.store;

import io.github.calendlywebhook.test.ProjectingEventStoreComplianceTest;
import java.time.ZoneId;

class InMemoryEventStoreKeepingEventsComplianceTest extends ProjectingEventStoreComplianceTest {

    @Override
    protected ProjectingEventStore newStore(ZoneId zone) {
        return InMemoryEventStore.builder().zone(zone).retained(InMemoryEventStore.Retained.EVENTS).build();
    }
}
