package io.github.calendlywebhook.spring;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Renders the {@link CalendlyWebhookHealthCheck} as a Spring Boot 4 health indicator. */
public final class CalendlyWebhookHealthIndicator extends AbstractHealthIndicator {

    private final CalendlyWebhookHealthCheck check;

    /**
     * Creates the indicator.
     *
     * @param check the check to render
     */
    public CalendlyWebhookHealthIndicator(CalendlyWebhookHealthCheck check) {
        super("Calendly webhook health check failed");
        this.check = check;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        CalendlyWebhookHealthCheck.Report report = check.check();
        (report.up() ? builder.up() : builder.down()).withDetails(report.details());
    }
}
