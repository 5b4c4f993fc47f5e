package io.github.calendlywebhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.calendlywebhook.core.pipeline.WebhookSettings;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigurationMetadataTest {

    @Test
    void everyPropertyShouldBeDescribedForIdeCompletion() throws Exception {
        List<JsonNode> properties = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated metadata").isNotNull();
            new ObjectMapper().readTree(in).path("properties").forEach(properties::add);
        }

        assertThat(properties).extracting(property -> property.path("name").asText()).contains(
                "calendly.webhook.enabled", "calendly.webhook.path", "calendly.webhook.secret",
                "calendly.webhook.previous-secrets", "calendly.webhook.tolerance", "calendly.webhook.allowed-ips",
                "calendly.webhook.trusted-proxies", "calendly.webhook.rate-limit.enabled",
                "calendly.webhook.rate-limit.requests-per-minute", "calendly.webhook.rate-limit.burst-per-second",
                "calendly.webhook.rate-limit.policy", "calendly.webhook.max-body-size", "calendly.webhook.debug");
        assertThat(properties).allSatisfy(property -> assertThat(property.path("description").asText())
                .as(property.path("name").asText()).isNotBlank());
    }

    @Test
    void defaultsShouldMatchTheSetupGuide() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = new ObjectMapper().readTree(in);
        }

        assertThat(metadata.path("properties")).filteredOn(property -> property.path("name").asText()
                .equals("calendly.webhook.path")).singleElement()
                .satisfies(path -> assertThat(path.path("defaultValue").asText()).isEqualTo(WebhookSettings.DEFAULT_PATH));
    }
}
