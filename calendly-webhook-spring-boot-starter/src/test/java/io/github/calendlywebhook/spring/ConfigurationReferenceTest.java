package io.github.calendlywebhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.calendlywebhook.core.testing.ConfigurationReference;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Keeps docs/configuration.md and the starter's configuration metadata in step. */
class ConfigurationReferenceTest {

    private static final String ADAPTER = BootLine.COLUMN;

    private final ConfigurationReference reference = ConfigurationReference.load();

    private final Map<String, JsonNode> metadata = metadata();

    ConfigurationReferenceTest() throws IOException {
    }

    @Test
    void everyPropertyInTheMetadataShouldBeDocumentedForSpringBoot() {
        assertThat(metadata.keySet()).allSatisfy(name -> assertThat(reference.find(name))
                .as("%s in docs/configuration.md", name)
                .hasValueSatisfying(entry -> assertThat(entry.readBy(ADAPTER)).as("%s read by " + ADAPTER, name).isTrue()));
    }

    @Test
    void everyKeyDocumentedForSpringBootShouldBeInTheMetadata() {
        assertThat(reference.readBy(ADAPTER)).allSatisfy(entry -> assertThat(metadata)
                .as("documented key %s", entry.key()).containsKey(entry.metadataName()));
    }

    @Test
    void documentedDefaultsShouldMatchTheMetadataDefaults() {
        Map<String, String> metadataDefaults = metadata.values().stream()
                .filter(property -> property.hasNonNull("defaultValue"))
                .collect(Collectors.toMap(property -> property.path("name").asText(),
                        property -> property.path("defaultValue").asText(), (a, b) -> a, LinkedHashMap::new));

        assertThat(metadataDefaults).isNotEmpty().allSatisfy((name, defaultValue) -> assertThat(
                reference.find(name).flatMap(ConfigurationReference.Entry::literalDefault))
                .as("documented default of %s", name).contains(defaultValue));
    }

    @Test
    void documentedEnvironmentVariablesShouldBindToTheirKeys() {
        assertThat(reference.readBy(ADAPTER)).filteredOn(entry -> entry.environmentVariable(ADAPTER).isPresent())
                .isNotEmpty()
                .allSatisfy(entry -> {
                    String variable = entry.environmentVariable(ADAPTER).orElseThrow();
                    String value = entry.literalExample().orElse("example-value");

                    Optional<Object> bound = boundFromEnvironment(variable, value, entry.key());

                    assertThat(bound).as("%s bound from %s", entry.key(), variable).contains(value);
                });
    }

    private static Optional<Object> boundFromEnvironment(String variable, String value, String key) {
        SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, value));
        for (ConfigurationPropertySource source : ConfigurationPropertySources.from(environment)) {
            ConfigurationProperty property = source.getConfigurationProperty(ConfigurationPropertyName.of(key));
            if (property != null) {
                return Optional.of(property.getValue());
            }
        }
        return Optional.empty();
    }

    private static Map<String, JsonNode> metadata() throws IOException {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        try (InputStream in = ConfigurationReferenceTest.class
                .getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            if (in == null) {
                throw new IllegalStateException("no generated configuration metadata on the classpath");
            }
            new ObjectMapper().readTree(in).path("properties")
                    .forEach(property -> properties.put(property.path("name").asText(), property));
        }
        return properties;
    }
}
