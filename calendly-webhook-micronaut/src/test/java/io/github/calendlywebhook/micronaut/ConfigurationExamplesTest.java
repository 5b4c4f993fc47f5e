package io.github.calendlywebhook.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.core.testing.ConfigurationReference;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Checks that the Micronaut example of docs/configuration.md is complete and starts the endpoint. */
class ConfigurationExamplesTest {

    private final ConfigurationReference reference = ConfigurationReference.load();

    ConfigurationExamplesTest() throws IOException {
    }

    @Test
    void propertiesExampleSetsEveryKeyDocumentedForMicronaut() throws IOException {
        Properties example = propertiesExample();

        assertThat(reference.readBy("Micronaut")).extracting(ConfigurationReference.Entry::key)
                .filteredOn(key -> !key.equals("calendly.webhook.previous-secrets"))
                .allSatisfy(key -> assertThat(example).as("properties example").containsKey(key));
    }

    @Test
    void propertiesExampleStartsTheEndpointWithItsValues() throws IOException {
        Map<String, Object> properties = new HashMap<>();
        propertiesExample().forEach((key, value) -> properties.put((String) key, value));
        properties.put("CALENDLY_WEBHOOK_SECRET", "current-secret-0123456789");
        properties.put("OLD_CALENDLY_WEBHOOK_SECRET", "previous-secret-0123456789");

        try (ApplicationContext context = ApplicationContext.builder(properties).environmentPropertySource(false).start()) {
            WebhookSettings settings = context.getBean(WebhookSettings.class);

            assertThat(settings.secret()).isEqualTo("current-secret-0123456789");
            assertThat(settings.previousSecrets()).singleElement().satisfies(previous -> {
                assertThat(previous.secret()).isEqualTo("previous-secret-0123456789");
                assertThat(previous.expiresAt()).isEqualTo(Instant.parse("2026-12-31T00:00:00Z"));
            });
            assertThat(settings.allowedIps()).containsExactly("52.0.0.0/8", "54.0.0.0/8");
            assertThat(settings.maxBodySize()).isEqualTo(256 * 1024);
        }
    }

    private Properties propertiesExample() throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(reference.codeBlock("Micronaut", "properties")));
        return properties;
    }
}
