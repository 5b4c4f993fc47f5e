package io.github.calendlywebhook.core.publication;

import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.InMemoryEventStore;
import io.github.calendlywebhook.test.PublicationRegistryComplianceTest;

class InMemoryPublicationRegistryComplianceTest extends PublicationRegistryComplianceTest {

    private PublicationRegistry registry = new InMemoryPublicationRegistry();
    private InMemoryEventStore store = new InMemoryEventStore();

    @Override
    protected PublicationRegistry newRegistry() {
        registry = new InMemoryPublicationRegistry();
        store = new InMemoryEventStore();
        return registry;
    }

    @Override
    protected EventStore storeFor(ListenerDispatcher dispatcher) {
        return store;
    }

    @Override
    protected PublicationRegistry sameDatabase() {
        return registry;
    }
}
