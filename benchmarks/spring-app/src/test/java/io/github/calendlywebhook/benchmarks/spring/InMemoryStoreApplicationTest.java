package io.github.calendlywebhook.benchmarks.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.InMemoryEventStore;
import io.github.calendlywebhook.test.ConformanceSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "calendly.webhook.secret=" + ConformanceSettings.SECRET)
class InMemoryStoreApplicationTest extends SpringLoadApplicationContract {

    @Autowired
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
