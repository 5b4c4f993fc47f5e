package io.github.calendlywebhook.spring.boot3;

import io.github.calendlywebhook.spring.CalendlyWebhookHealthCheck;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/** Renders the {@link CalendlyWebhookHealthCheck} as a Spring Boot 3.5 health indicator. */
public final class CalendlyWebhookBoot3HealthIndicator extends AbstractHealthIndicator {

    private final CalendlyWebhookHealthCheck check;

    /**
     * Creates the indicator.
     *
     * @param check the check to render
     */
    public CalendlyWebhookBoot3HealthIndicator(CalendlyWebhookHealthCheck check) {
        super("Calendly webhook health check failed");
        this.check = check;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        CalendlyWebhookHealthCheck.Report report = check.check();
        (report.up() ? builder.up() : builder.down()).withDetails(report.details());
    }
}
