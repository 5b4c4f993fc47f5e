package io.github.calendlywebhook.spring;

import io.github.calendlywebhook.spring.boot3.CalendlyWebhookBoot3HealthAutoConfiguration;
import io.github.calendlywebhook.spring.boot3.CalendlyWebhookBoot3HealthIndicator;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.context.ApplicationContext;

/**
 * The Spring Boot 3.5 classes the Spring Boot starter's tests name, so that its whole suite runs here on
 * Spring Boot 3.5's jars with the Boot 3 starter.
 */
public final class BootLine {

    /** The column of docs/configuration.md for this line. */
    static final String COLUMN = "Boot 3.5";
    static final Class<?> DATA_SOURCE = DataSourceAutoConfiguration.class;
    static final Class<?> FLYWAY = FlywayAutoConfiguration.class;
    static final Class<?>[] METRICS = { MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
            SimpleMetricsExportAutoConfiguration.class };
    static final Class<?> WEB_SECURITY = SecurityAutoConfiguration.class;
    /** The configuration whose class condition is Spring Boot's health indicator type. */
    static final Class<?> HEALTH_INDICATOR_CONFIGURATION = CalendlyWebhookBoot3HealthAutoConfiguration.class;
    static final Class<?>[] HEALTH_AUTO_CONFIGURATIONS = { CalendlyWebhookHealthAutoConfiguration.class,
            CalendlyWebhookBoot3HealthAutoConfiguration.class };
    /** Spring Boot's health indicator interface. */
    static final Class<?> HEALTH_INDICATOR = HealthIndicator.class;
    /** The Boot 3 starter's indicator. */
    static final Class<?> INDICATOR = CalendlyWebhookBoot3HealthIndicator.class;

    private BootLine() {
    }

    public static IndicatorHealth health(ApplicationContext context) {
        Health health = context.getBean(CalendlyWebhookBoot3HealthIndicator.class).getHealth(true);
        return new IndicatorHealth(health.getStatus().getCode(), health.getDetails());
    }
}
