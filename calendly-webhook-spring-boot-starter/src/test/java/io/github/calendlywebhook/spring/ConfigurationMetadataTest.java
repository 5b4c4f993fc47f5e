package io.github.calendlywebhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.calendlywebhook.core.config.CommonWebhookProperties;
import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.core.publication.ListenerSettings;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;

/**
 * The keys are declared in core's {@link CommonWebhookProperties}, another jar; the generated metadata must
 * still describe each one and carry its default, so IDE help stays complete.
 */
class ConfigurationMetadataTest {

    private final List<JsonNode> properties = properties();

    ConfigurationMetadataTest() throws IOException {
    }

    @Test
    void everyPropertyShouldBeDescribedForIdeCompletion() {
        assertThat(properties).extracting(property -> property.path("name").asText()).contains(
                "calendly.webhook.enabled", "calendly.webhook.path", "calendly.webhook.secret",
                "calendly.webhook.previous-secrets", "calendly.webhook.tolerance", "calendly.webhook.allowed-ips",
                "calendly.webhook.trusted-proxies", "calendly.webhook.rate-limit.enabled",
                "calendly.webhook.rate-limit.requests-per-minute", "calendly.webhook.rate-limit.burst-per-second",
                "calendly.webhook.rate-limit.policy", "calendly.webhook.max-body-size", "calendly.webhook.debug",
                "calendly.webhook.client-key.ipv6-prefix-length", "calendly.webhook.audit.rejection-rows-per-window",
                "calendly.webhook.store.in-memory.retention", "calendly.webhook.store.in-memory.keep",
                "calendly.webhook.listeners.mode", "calendly.webhook.listeners.first-retry",
                "calendly.webhook.listeners.max-retry-delay", "calendly.webhook.listeners.max-attempts",
                "calendly.webhook.listeners.max-age", "calendly.webhook.listeners.lease",
                "calendly.webhook.listeners.poll-interval", "calendly.webhook.listeners.batch-size",
                "calendly.webhook.listeners.instance-id");
        assertThat(properties).allSatisfy(property -> assertThat(property.path("description").asText())
                .as(property.path("name").asText()).isNotBlank());
    }

    @Test
    void inheritedPropertiesShouldTakeTheirDescriptionFromTheCoreSource() {
        assertThat(properties).filteredOn(property -> property.path("name").asText().equals("calendly.webhook.path"))
                .singleElement().satisfies(path -> assertThat(path.path("description").asText())
                        .isEqualTo("Path of the webhook endpoint; in Spring Boot relative to the servlet context."));
    }

    @Test
    void everyKeyWithAValueByDefaultShouldCarryItsDefault() {
        assertThat(properties).filteredOn(property -> property.hasNonNull("defaultValue"))
                .extracting(property -> property.path("name").asText()).contains(
                        "calendly.webhook.enabled", "calendly.webhook.path", "calendly.webhook.tolerance",
                        "calendly.webhook.rate-limit.enabled", "calendly.webhook.rate-limit.requests-per-minute",
                        "calendly.webhook.rate-limit.burst-per-second", "calendly.webhook.rate-limit.policy",
                        "calendly.webhook.max-body-size", "calendly.webhook.debug",
                        "calendly.webhook.store.in-memory.retention", "calendly.webhook.store.in-memory.keep",
                        "calendly.webhook.listeners.mode",
                        "calendly.webhook.listeners.first-retry", "calendly.webhook.listeners.max-retry-delay",
                        "calendly.webhook.listeners.max-attempts", "calendly.webhook.listeners.max-age",
                        "calendly.webhook.listeners.lease", "calendly.webhook.listeners.poll-interval",
                        "calendly.webhook.listeners.batch-size");
    }

    @Test
    void metadataDefaultsShouldBindToTheSettingsOfAnEmptyConfiguration() {
        Map<String, String> defaults = new LinkedHashMap<>();
        properties.stream().filter(property -> property.hasNonNull("defaultValue"))
                .filter(property -> property.path("name").asText().startsWith(CommonWebhookProperties.PREFIX + "."))
                .forEach(property -> defaults.put(property.path("name").asText(),
                        property.path("defaultValue").asText()));

        CalendlyWebhookProperties bound = new Binder(List.of(new MapConfigurationPropertySource(defaults)), null,
                ApplicationConversionService.getSharedInstance())
                .bind(CommonWebhookProperties.PREFIX, CalendlyWebhookProperties.class).get();

        assertThat(defaults).isNotEmpty();
        assertThat(bound.toSettings()).hasToString(new CalendlyWebhookProperties().toSettings().toString());
        assertThat(bound.toListenerSettings()).isEqualTo(ListenerSettings.ofDefaults());
    }

    @Test
    void defaultsShouldMatchTheSetupGuide() {
        assertThat(properties).filteredOn(property -> property.path("name").asText()
                .equals("calendly.webhook.path")).singleElement()
                .satisfies(path -> assertThat(path.path("defaultValue").asText()).isEqualTo(WebhookSettings.DEFAULT_PATH));
    }

    private static List<JsonNode> properties() throws IOException {
        List<JsonNode> properties = new ArrayList<>();
        try (InputStream in = ConfigurationMetadataTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            if (in == null) {
                throw new IllegalStateException("no generated configuration metadata on the classpath");
            }
            new ObjectMapper().readTree(in).path("properties").forEach(properties::add);
        }
        return properties;
    }
}
