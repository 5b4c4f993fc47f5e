package io.github.calendlywebhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.metrics.CalendlyWebhookMetrics;
import io.github.calendlywebhook.core.metrics.DashboardMetrics;
import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.publication.ListenerMetrics;
import io.github.calendlywebhook.test.SignedPayloads;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CalendlyWebhookMetricsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CalendlyWebhookAutoConfiguration.class,
                    CalendlyWebhookMetricsAutoConfiguration.class))
            .withPropertyValues("calendly.webhook.secret=" + Deliveries.SECRET);

    private final ApplicationContextRunner withMicrometer = runner.withConfiguration(
            AutoConfigurations.of(BootLine.METRICS));

    @Test
    void metricsWhenMeterRegistryPresentShouldCountDeliveriesByOutcome() {
        withMicrometer.run(context -> {
            assertThat(context).hasSingleBean(CalendlyWebhookMetrics.class);
            context.getBean(WebhookProcessor.class).process(Deliveries.signed(SignedPayloads.inviteeCreated()));

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get(CalendlyWebhookMetrics.DELIVERIES).tag("outcome", "accepted").counter().count())
                    .isEqualTo(1.0);
        });
    }

    @Test
    void metricsWhenMeterRegistryPresentShouldGaugeBookedAppointments() {
        withMicrometer.run(context -> {
            context.getBean(WebhookProcessor.class).process(Deliveries.signed(SignedPayloads.inviteeCreated()));

            assertThat(context.getBean(MeterRegistry.class).get(CalendlyWebhookMetrics.BOOKED_APPOINTMENTS).gauge()
                    .value()).isEqualTo(1.0);
        });
    }

    @Test
    void listenerMetricsWhenMeterRegistryPresentShouldGaugePublicationsByStatus() {
        withMicrometer.run(context -> {
            assertThat(context).hasSingleBean(ListenerMetrics.class);

            assertThat(context.getBean(MeterRegistry.class).get(ListenerMetrics.PUBLICATIONS).tag("status", "parked")
                    .gauge().value()).isZero();
        });
    }

    @Test
    void metricsWhenNoMeterRegistryShouldBackOff() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CalendlyWebhookMetrics.class));
    }

    @Test
    void metricsWhenMicrometerAbsentShouldBackOff() {
        withMicrometer.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CalendlyWebhookMetrics.class));
    }

    @Test
    void dashboardMetricsWhenStoreMaintainsCountersShouldBeOffered() {
        runner.run(context -> assertThat(context).hasSingleBean(DashboardMetrics.class));
    }
}
