package io.github.calendlywebhook.benchmarks.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.InMemoryEventStore;
import io.github.calendlywebhook.test.ConformanceSettings;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@MicronautTest
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "calendly.webhook.secret", value = ConformanceSettings.SECRET)
class InMemoryStoreApplicationTest extends MicronautLoadApplicationContract {

    @Inject
    EventStore store;

    @Test
    void defaultConfigurationShouldKeepEventsInMemory() {
        assertThat(store).isInstanceOf(InMemoryEventStore.class);
    }

    @Test
    void listenerOnlyApplicationShouldKeepOnlyDeliveryKeysWithoutBeingTold() {
        assertThat(store).isInstanceOfSatisfying(InMemoryEventStore.class,
                memory -> assertThat(memory.retained()).isEqualTo(InMemoryEventStore.Retained.KEYS));
    }
}
