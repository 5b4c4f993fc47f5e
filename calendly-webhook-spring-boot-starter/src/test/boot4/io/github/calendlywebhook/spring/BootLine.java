package io.github.calendlywebhook.spring;

import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.ApplicationContext;

/**
 * The Spring Boot 4 classes the starter's tests name. The Boot 3 starter's tests compile the same test
 * sources with its own {@code BootLine} for Spring Boot 3.5.
 */
public final class BootLine {

    /** The column of docs/configuration.md for this line. */
    static final String COLUMN = "Boot 4";
    static final Class<?> DATA_SOURCE = DataSourceAutoConfiguration.class;
    static final Class<?> FLYWAY = FlywayAutoConfiguration.class;
    static final Class<?>[] METRICS = { MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
            SimpleMetricsExportAutoConfiguration.class };
    static final Class<?> WEB_SECURITY = ServletWebSecurityAutoConfiguration.class;
    /** The configuration whose class condition is Spring Boot's health indicator type. */
    static final Class<?> HEALTH_INDICATOR_CONFIGURATION = CalendlyWebhookHealthAutoConfiguration.IndicatorConfiguration.class;
    static final Class<?>[] HEALTH_AUTO_CONFIGURATIONS = { CalendlyWebhookHealthAutoConfiguration.class };
    /** Spring Boot's health indicator interface. */
    static final Class<?> HEALTH_INDICATOR = HealthIndicator.class;
    /** The starter's indicator on this line. */
    static final Class<?> INDICATOR = CalendlyWebhookHealthIndicator.class;

    private BootLine() {
    }

    public static IndicatorHealth health(ApplicationContext context) {
        Health health = context.getBean(CalendlyWebhookHealthIndicator.class).health(true);
        return new IndicatorHealth(health.getStatus().getCode(), health.getDetails());
    }
}
