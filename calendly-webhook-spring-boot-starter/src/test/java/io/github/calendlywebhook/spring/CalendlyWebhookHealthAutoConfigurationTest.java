package io.github.calendlywebhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.health.DeliveryHealthTracker;
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
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

class CalendlyWebhookHealthAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CalendlyWebhookAutoConfiguration.class,
                    CalendlyWebhookHealthAutoConfiguration.class))
            .withPropertyValues("calendly.webhook.secret=" + Deliveries.SECRET);

    @Test
    void healthIndicatorWhenHealthSupportPresentShouldBeRegistered() {
        runner.run(context -> assertThat(context).hasSingleBean(CalendlyWebhookHealthIndicator.class));
    }

    @Test
    void healthIndicatorWhenHealthSupportAbsentShouldBackOff() {
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(CalendlyWebhookHealthIndicator.class));
    }

    @Test
    void deliveryHealthTrackerWhenHealthSupportAbsentShouldStillObserveTheProcessor() {
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class)).run(context -> {
            context.getBean(WebhookProcessor.class).process(Deliveries.signed(SignedPayloads.inviteeCreated()));

            assertThat(context.getBean(DeliveryHealthTracker.class).activity().lastAccepted()).isNotNull();
        });
    }

    @Test
    void deliveryHealthTrackerWhenDefinedByTheApplicationShouldBeTheOneRendered() {
        DeliveryHealthTracker own = DeliveryHealthTracker.create(Clock.systemUTC());
        runner.withBean(DeliveryHealthTracker.class, () -> own).run(context -> {
            context.getBean(WebhookProcessor.class).process(Deliveries.signed("wrong-secret-0123456789",
                    SignedPayloads.inviteeCreated()));

            assertThat(context).getBean(DeliveryHealthTracker.class).isSameAs(own);
            assertThat(own.activity().rejections()).containsEntry(Outcome.INVALID_SIGNATURE, 1L);
        });
    }

    @Test
    void healthWhenSignaturesFailShouldStayUpAndSayDegradedWithAdvice() {
        runner.run(context -> {
            context.getBean(WebhookProcessor.class).process(Deliveries.signed("wrong-secret-0123456789",
                    SignedPayloads.inviteeCreated()));
            Health health = context.getBean(CalendlyWebhookHealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("state", "DEGRADED").hasEntrySatisfying("warnings",
                    warnings -> assertThat(warnings.toString()).contains("signature failures (401)"));
        });
    }

    @Test
    void healthIndicatorWhenTurnedOffShouldBackOff() {
        runner.withPropertyValues("management.health.calendlywebhook.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(CalendlyWebhookHealthIndicator.class));
    }

    @Test
    void healthWhenDeliveryAcceptedShouldReportItAndBeUp() {
        runner.run(context -> {
            context.getBean(WebhookProcessor.class).process(Deliveries.signed(SignedPayloads.inviteeCreated()));
            Health health = context.getBean(CalendlyWebhookHealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("store", "reachable")
                    .hasEntrySatisfying("lastAcceptedDelivery", at -> assertThat(at).isNotEqualTo("none"));
        });
    }

    @Test
    void healthWhenDeliveriesRejectedShouldCountThemByReason() {
        runner.run(context -> {
            WebhookProcessor processor = context.getBean(WebhookProcessor.class);
            processor.process(Deliveries.signed("wrong-secret-0123456789", SignedPayloads.inviteeCreated()));
            processor.process(Deliveries.signed("wrong-secret-0123456789", SignedPayloads.inviteeCreated()));
            Health health = context.getBean(CalendlyWebhookHealthIndicator.class).health(true);
            assertThat(health.getDetails()).containsEntry("recentRejections", Map.of("invalid_signature", 2L))
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
            Health health = context.getBean(CalendlyWebhookHealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("store", "unavailable");
        });
    }

    @Test
    void healthWhenJdbcStoreReachableShouldBeUp() {
        runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .run(context -> {
                    Health health = context.getBean(CalendlyWebhookHealthIndicator.class).health(true);
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsEntry("store", "reachable");
                });
    }

    @Test
    void healthWhenJdbcStoreTablesMissingShouldBeDown() {
        runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .run(context -> {
                    new JdbcTemplate(context.getBean(DataSource.class)).execute("DROP ALL OBJECTS");

                    Health health = context.getBean(CalendlyWebhookHealthIndicator.class).health(true);
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsEntry("store", "tables missing");
                });
    }
}
