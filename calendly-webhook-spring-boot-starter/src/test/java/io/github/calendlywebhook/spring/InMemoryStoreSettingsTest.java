package io.github.calendlywebhook.spring;

import static io.github.calendlywebhook.test.EventFixtures.created;
import static io.github.calendlywebhook.test.EventFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.metrics.DashboardMetrics;
import io.github.calendlywebhook.core.metrics.Period;
import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.InMemoryEventStore;
import io.github.calendlywebhook.test.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class InMemoryStoreSettingsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CalendlyWebhookAutoConfiguration.class))
            .withPropertyValues("calendly.webhook.secret=" + Deliveries.SECRET);

    @Test
    void inMemoryStoreByDefaultWithoutAReaderOfTheNumbersShouldKeepOnlyKeysAndSayWhy(CapturedOutput output) {
        runner.run(context -> {
            assertThat(context).getBean(EventStore.class).isInstanceOfSatisfying(InMemoryEventStore.class,
                    store -> assertThat(store.retained()).isEqualTo(InMemoryEventStore.Retained.KEYS));
            assertThat(output).contains("keeps delivery keys only: no bean of the application reads the dashboard "
                    + "numbers").contains("calendly.webhook.store.in-memory.keep=counters");
        });
    }

    @Test
    void inMemoryStoreByDefaultShouldKeepCountersWhenABeanOfTheApplicationReadsThemAndNameIt(CapturedOutput output) {
        runner.withBean("bookingBoard", BookingBoard.class).run(context -> {
            assertThat(context).getBean(EventStore.class).isInstanceOfSatisfying(InMemoryEventStore.class,
                    store -> assertThat(store.retained()).isEqualTo(InMemoryEventStore.Retained.COUNTERS));
            assertThat(context.getBean(BookingBoard.class).metrics.summary(Period.ALL_TIME).bookedAppointments())
                    .isZero();
            assertThat(output).contains("keeps delivery keys and the dashboard counters: bookingBoard reads them");
        });
    }

    @Test
    void keepCountersShouldKeepCountersEvenWithoutAReader(CapturedOutput output) {
        runner.withPropertyValues("calendly.webhook.store.in-memory.keep=counters").run(context -> {
            assertThat(context).getBean(EventStore.class).isInstanceOfSatisfying(InMemoryEventStore.class,
                    store -> assertThat(store.retained()).isEqualTo(InMemoryEventStore.Retained.COUNTERS));
            assertThat(context).hasSingleBean(DashboardMetrics.class);
            assertThat(output).contains("as calendly.webhook.store.in-memory.keep=counters says");
        });
    }

    @Test
    void keepKeysShouldKeepOnlyDeliveryKeysAndOfferNoDashboardNumbers() {
        runner.withPropertyValues("calendly.webhook.store.in-memory.keep=keys").run(context -> {
            assertThat(context).getBean(EventStore.class).isInstanceOfSatisfying(InMemoryEventStore.class,
                    store -> assertThat(store.retained()).isEqualTo(InMemoryEventStore.Retained.KEYS));
            assertThat(context).doesNotHaveBean(DashboardMetrics.class);
        });
    }

    @Test
    void retentionShouldDecideWhenTheStoreForgetsADeliveryOnTheApplicationClock() {
        MutableClock clock = MutableClock.at(NOW);
        runner.withPropertyValues("calendly.webhook.store.in-memory.retention=30h",
                "calendly.webhook.store.in-memory.keep=counters")
                .withBean(Clock.class, () -> clock).run(context -> {
                    InMemoryEventStore store = context.getBean(InMemoryEventStore.class);
                    store.append(stored(created("a", "intro", NOW)));

                    clock.advance(Duration.ofHours(30).minusSeconds(1));
                    int insideWindow = store.size();
                    clock.advance(Duration.ofSeconds(1));

                    assertThat(insideWindow).isEqualTo(1);
                    assertThat(store.size()).isZero();
                });
    }

    @Test
    void retentionShorterThanCalendlyRetriesShouldFailStartupNamingTheKey() {
        runner.withPropertyValues("calendly.webhook.store.in-memory.retention=1h").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("calendly.webhook.store.in-memory.retention")
                        .hasMessageContaining("24 hours"));
    }

    /** An application bean that shows the dashboard numbers. */
    static final class BookingBoard {

        private final DashboardMetrics metrics;

        BookingBoard(DashboardMetrics metrics) {
            this.metrics = metrics;
        }
    }
}
