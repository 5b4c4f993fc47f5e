package io.github.calendlywebhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.event.InviteeCreatedEvent;
import io.github.calendlywebhook.core.health.DeliveryHealthCheck;
import io.github.calendlywebhook.core.health.DeliveryHealthTracker;
import io.github.calendlywebhook.core.health.StoreProbe;
import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.StoreUnavailableException;
import io.github.calendlywebhook.test.SignedPayloads;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

class CalendlyWebhookHealthAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CalendlyWebhookAutoConfiguration.class))
            .withConfiguration(AutoConfigurations.of(BootLine.HEALTH_AUTO_CONFIGURATIONS))
            .withPropertyValues("calendly.webhook.secret=" + Deliveries.SECRET);

    @Test
    void healthIndicatorWhenHealthSupportPresentShouldBeRegistered() {
        runner.run(context -> assertThat(context).hasSingleBean(BootLine.INDICATOR));
    }

    @Test
    void healthWhenListenerPublicationsAreParkedShouldBeDegradedWithTheirCounts() {
        runner.withPropertyValues("calendly.webhook.listeners.max-attempts=1")
                .withBean(DownCrm.class).run(context -> {
                    context.getBean(WebhookProcessor.class).process(Deliveries.signed(SignedPayloads.inviteeCreated()));

                    IndicatorHealth health = BootLine.health(context);

                    assertThat(health.status()).isEqualTo("UP");
                    assertThat(health.details()).containsEntry("state", "DEGRADED")
                            .containsEntry("listenerPublications", Map.of("pending", 0L, "retrying", 0L, "parked", 1L));
                });
    }

    /** A listener whose CRM is always down. */
    static class DownCrm {

        @EventListener
        void on(InviteeCreatedEvent event) {
            throw new IllegalStateException("the CRM is down");
        }
    }

    @Test
    void healthIndicatorWhenHealthSupportAbsentShouldBackOff() {
        runner.withClassLoader(new FilteredClassLoader(BootLine.HEALTH_INDICATOR))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(BootLine.INDICATOR));
    }

    @Test
    void deliveryHealthTrackerWhenHealthSupportAbsentShouldStillObserveTheProcessor() {
        runner.withClassLoader(new FilteredClassLoader(BootLine.HEALTH_INDICATOR)).run(context -> {
            context.getBean(WebhookProcessor.class).process(Deliveries.signed(SignedPayloads.inviteeCreated()));

            assertThat(DeliveryHealthCheck.of(context.getBean(DeliveryHealthTracker.class), StoreProbe.none()).check()
                    .lastAccepted()).isNotNull();
        });
    }

    @Test
    void deliveryHealthTrackerWhenDefinedByTheApplicationShouldBeTheOneRendered() {
        DeliveryHealthTracker own = DeliveryHealthTracker.create(Clock.systemUTC());
        runner.withBean(DeliveryHealthTracker.class, () -> own).run(context -> {
            context.getBean(WebhookProcessor.class).process(Deliveries.signed("wrong-secret-0123456789",
                    SignedPayloads.inviteeCreated()));

            assertThat(context).getBean(DeliveryHealthTracker.class).isSameAs(own);
            assertThat(own.count(Outcome.INVALID_SIGNATURE, DeliveryHealthTracker.DEFAULT_WINDOW)).isEqualTo(1);
        });
    }

    @Test
    void healthWhenSignaturesFailShouldStayUpAndSayDegradedWithAdvice() {
        runner.run(context -> {
            context.getBean(WebhookProcessor.class).process(Deliveries.signed("wrong-secret-0123456789",
                    SignedPayloads.inviteeCreated()));
            IndicatorHealth health = BootLine.health(context);
            assertThat(health.status()).isEqualTo("UP");
            assertThat(health.details()).containsEntry("state", "DEGRADED").hasEntrySatisfying("warnings",
                    warnings -> assertThat(warnings.toString()).contains("signature failures (401)"));
        });
    }

    @Test
    void healthIndicatorWhenTurnedOffShouldBackOff() {
        runner.withPropertyValues("management.health.calendlywebhook.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(BootLine.INDICATOR));
    }

    @Test
    void healthWhenDeliveryAcceptedShouldReportItAndBeUp() {
        runner.run(context -> {
            context.getBean(WebhookProcessor.class).process(Deliveries.signed(SignedPayloads.inviteeCreated()));
            IndicatorHealth health = BootLine.health(context);
            assertThat(health.status()).isEqualTo("UP");
            assertThat(health.details()).containsEntry("store", "reachable")
                    .hasEntrySatisfying("lastAcceptedDelivery", at -> assertThat(at).isNotEqualTo("none"));
        });
    }

    @Test
    void healthWhenDeliveriesRejectedShouldCountThemByReason() {
        runner.run(context -> {
            WebhookProcessor processor = context.getBean(WebhookProcessor.class);
            processor.process(Deliveries.signed("wrong-secret-0123456789", SignedPayloads.inviteeCreated()));
            processor.process(Deliveries.signed("wrong-secret-0123456789", SignedPayloads.inviteeCreated()));
            IndicatorHealth health = BootLine.health(context);
            assertThat(health.details()).containsEntry("recentRejections", Map.of("invalid_signature", 2L))
                    .containsEntry("lastAcceptedDelivery", "none");
        });
    }

    @Test
    void healthWhenStoreUnavailableShouldBeDown() {
        EventStore failing = event -> {
            throw new StoreUnavailableException("database is down");
        };
        runner.withBean(EventStore.class, () -> failing).run(context -> {
            context.getBean(WebhookProcessor.class).process(Deliveries.signed(SignedPayloads.inviteeCreated()));
            IndicatorHealth health = BootLine.health(context);
            assertThat(health.status()).isEqualTo("DOWN");
            assertThat(health.details()).containsEntry("store", "unavailable");
        });
    }

    @Test
    void healthWhenJdbcStoreReachableShouldBeUp() {
        runner.withConfiguration(AutoConfigurations.of(BootLine.DATA_SOURCE))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .run(context -> {
                    IndicatorHealth health = BootLine.health(context);
                    assertThat(health.status()).isEqualTo("UP");
                    assertThat(health.details()).containsEntry("store", "reachable");
                });
    }

    @Test
    void healthWhenJdbcStoreTablesMissingShouldBeDown() {
        runner.withConfiguration(AutoConfigurations.of(BootLine.DATA_SOURCE))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .run(context -> {
                    new JdbcTemplate(context.getBean(DataSource.class)).execute("DROP ALL OBJECTS");

                    IndicatorHealth health = BootLine.health(context);
                    assertThat(health.status()).isEqualTo("DOWN");
                    assertThat(health.details()).containsEntry("store", "tables missing");
                });
    }
}
