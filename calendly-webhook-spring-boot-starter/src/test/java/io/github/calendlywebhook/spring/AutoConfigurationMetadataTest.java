package io.github.calendlywebhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
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
        for (URL file : Collections.list(getClass().getClassLoader()
                .getResources("META-INF/spring-autoconfigure-metadata.properties"))) {
            try (InputStream in = file.openStream()) {
                metadata.load(in);
            }
        }

        assertThat(metadata).containsEntry(BootLine.HEALTH_INDICATOR_CONFIGURATION.getName() + ".ConditionalOnClass",
                BootLine.HEALTH_INDICATOR.getName());
        assertThat(metadata).containsKey(CalendlyWebhookAutoConfiguration.class.getName());
    }
}
