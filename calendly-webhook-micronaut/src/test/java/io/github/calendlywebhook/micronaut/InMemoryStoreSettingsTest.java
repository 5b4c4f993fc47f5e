package io.github.calendlywebhook.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.calendlywebhook.core.metrics.DashboardMetrics;
import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.InMemoryEventStore;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryStoreSettingsTest {

    private static ApplicationContext run(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("calendly.webhook.secret", CalendlyWebhookFactoryTest.SECRET);
        return ApplicationContext.builder(all).environmentPropertySource(false).start();
    }

    @Test
    void inMemoryStoreByDefaultShouldKeepCountersForFortyEightHoursAndOfferTheDashboardNumbers() {
        try (ApplicationContext context = run(Map.of())) {
            CalendlyWebhookProperties properties = context.getBean(CalendlyWebhookProperties.class);

            assertThat(context.getBean(EventStore.class)).isInstanceOfSatisfying(InMemoryEventStore.class,
                    store -> assertThat(store.retained()).isEqualTo(InMemoryEventStore.Retained.COUNTERS));
            assertThat(properties.getStore().getInMemory().getRetention()).isEqualTo(Duration.ofHours(48));
            assertThat(context.containsBean(DashboardMetrics.class)).isTrue();
        }
    }

    @Test
    void keepKeysShouldKeepOnlyDeliveryKeysAndOfferNoDashboardNumbers() {
        try (ApplicationContext context = run(Map.of("calendly.webhook.store.in-memory.keep", "keys"))) {
            assertThat(context.getBean(EventStore.class)).isInstanceOfSatisfying(InMemoryEventStore.class,
                    store -> assertThat(store.retained()).isEqualTo(InMemoryEventStore.Retained.KEYS));
            assertThat(context.containsBean(DashboardMetrics.class)).isFalse();
        }
    }

    @Test
    void retentionShouldBindFromTheNestedKey() {
        try (ApplicationContext context = run(Map.of("calendly.webhook.store.in-memory.retention", "72h"))) {
            CalendlyWebhookProperties properties = context.getBean(CalendlyWebhookProperties.class);

            assertThat(properties.getStore().getInMemory().getRetention()).isEqualTo(Duration.ofHours(72));
        }
    }

    @Test
    void retentionShorterThanCalendlyRetriesShouldFailStartupNamingTheKey() {
        assertThatThrownBy(() -> run(Map.of("calendly.webhook.store.in-memory.retention", "1h")).close())
                .rootCause().hasMessageContaining("calendly.webhook.store.in-memory.retention")
                .hasMessageContaining("24 hours");
    }
}
