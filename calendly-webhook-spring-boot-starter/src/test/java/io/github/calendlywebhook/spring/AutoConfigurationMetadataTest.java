package io.github.calendlywebhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The starter runs spring-boot-autoconfigure-processor, so Spring Boot can filter its auto-configurations
 * on their class conditions before loading them.
 */
class AutoConfigurationMetadataTest {

    @Test
    void classConditionsShouldBeWrittenForEarlyFiltering() throws IOException {
        Properties metadata = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-autoconfigure-metadata.properties")) {
            assertThat(in).as("generated auto-configuration metadata").isNotNull();
            metadata.load(in);
        }

        assertThat(metadata).containsEntry(
                CalendlyWebhookHealthAutoConfiguration.IndicatorConfiguration.class.getName() + ".ConditionalOnClass",
                "org.springframework.boot.health.contributor.HealthIndicator");
        assertThat(metadata).containsKey(CalendlyWebhookAutoConfiguration.class.getName());
    }
}
