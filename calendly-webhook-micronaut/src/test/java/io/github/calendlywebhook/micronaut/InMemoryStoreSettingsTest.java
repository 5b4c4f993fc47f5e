package io.github.calendlywebhook.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.calendlywebhook.core.metrics.DashboardMetrics;
import io.github.calendlywebhook.core.metrics.Period;
import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.InMemoryEventStore;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryStoreSettingsTest {

    private static final String SPEC = "in-memory-readers";

    private static ApplicationContext run(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("calendly.webhook.secret", CalendlyWebhookFactoryTest.SECRET);
        return ApplicationContext.builder(all).environmentPropertySource(false).start();
    }

    @Test
    void inMemoryStoreByDefaultWithoutAReaderOfTheNumbersShouldKeepOnlyKeysForFortyEightHours() {
        try (ApplicationContext context = run(Map.of("micronaut.metrics.enabled", "false"))) {
            CalendlyWebhookProperties properties = context.getBean(CalendlyWebhookProperties.class);

            assertThat(context.getBean(EventStore.class)).isInstanceOfSatisfying(InMemoryEventStore.class,
                    store -> assertThat(store.retained()).isEqualTo(InMemoryEventStore.Retained.KEYS));
            assertThat(properties.getStore().getInMemory().getRetention()).isEqualTo(Duration.ofHours(48));
        }
    }

    @Test
    void inMemoryStoreByDefaultShouldKeepCountersWhenABeanOfTheApplicationReadsThem() {
        try (ApplicationContext context = run(Map.of("micronaut.metrics.enabled", "false", "spec.name", SPEC))) {
            assertThat(context.getBean(EventStore.class)).isInstanceOfSatisfying(InMemoryEventStore.class,
                    store -> assertThat(store.retained()).isEqualTo(InMemoryEventStore.Retained.COUNTERS));
            assertThat(context.getBean(BookingBoard.class).metrics.summary(Period.ALL_TIME).bookedAppointments())
                    .isZero();
        }
    }

    @Test
    void inMemoryStoreByDefaultShouldKeepCountersForTheBookedAppointmentsGauge() {
        try (ApplicationContext context = run(Map.of())) {
            assertThat(context.getBean(EventStore.class)).isInstanceOfSatisfying(InMemoryEventStore.class,
                    store -> assertThat(store.retained()).isEqualTo(InMemoryEventStore.Retained.COUNTERS));
        }
    }

    @Test
    void keepCountersShouldKeepCountersEvenWithoutAReader() {
        try (ApplicationContext context = run(Map.of("micronaut.metrics.enabled", "false",
                "calendly.webhook.store.in-memory.keep", "counters"))) {
            assertThat(context.getBean(EventStore.class)).isInstanceOfSatisfying(InMemoryEventStore.class,
                    store -> assertThat(store.retained()).isEqualTo(InMemoryEventStore.Retained.COUNTERS));
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

    /** An application bean that shows the dashboard numbers. */
    @Singleton
    @Requires(property = "spec.name", value = SPEC)
    static final class BookingBoard {

        private final DashboardMetrics metrics;

        BookingBoard(DashboardMetrics metrics) {
            this.metrics = metrics;
        }
    }
}
