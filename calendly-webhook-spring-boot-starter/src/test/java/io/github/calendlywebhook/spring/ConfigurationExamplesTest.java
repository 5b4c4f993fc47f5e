package io.github.calendlywebhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.core.testing.ConfigurationReference;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;

/** Checks that the Spring Boot examples of docs/configuration.md are complete and bind. */
class ConfigurationExamplesTest {

    private static final Map<String, Object> VARIABLES = Map.of(
            "CALENDLY_WEBHOOK_SECRET", "current-secret-0123456789",
            "OLD_CALENDLY_WEBHOOK_SECRET", "previous-secret-0123456789");

    private final ConfigurationReference reference = ConfigurationReference.load();

    ConfigurationExamplesTest() throws IOException {
    }

    @Test
    void propertiesExampleShouldSetEveryKeyDocumentedForSpringBoot() throws IOException {
        Properties example = propertiesExample();

        assertThat(reference.readBy(BootLine.COLUMN)).extracting(ConfigurationReference.Entry::key)
                .filteredOn(key -> !key.equals("calendly.webhook.previous-secrets"))
                .allSatisfy(key -> assertThat(example).as("properties example").containsKey(key));
    }

    @Test
    void propertiesExampleShouldBindToValidSettings() throws IOException {
        CalendlyWebhookProperties properties = bind(new PropertiesPropertySource("example", propertiesExample()));

        WebhookSettings settings = properties.toSettings();

        assertThat(settings.secret()).isEqualTo("current-secret-0123456789");
        assertThat(settings.previousSecrets()).singleElement()
                .satisfies(previous -> assertThat(previous.secret()).isEqualTo("previous-secret-0123456789"));
        assertThat(settings.allowedIps()).containsExactly("52.0.0.0/8", "54.0.0.0/8");
    }

    @Test
    void yamlExampleShouldBindLikeThePropertiesExample() throws IOException {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("example", new ByteArrayResource(
                reference.codeBlock("Spring Boot", "yaml").getBytes(StandardCharsets.UTF_8)));

        CalendlyWebhookProperties fromYaml = bind(yaml.get(0));
        CalendlyWebhookProperties fromProperties = bind(new PropertiesPropertySource("example", propertiesExample()));

        assertThat(summary(fromYaml)).isEqualTo(summary(fromProperties));
    }

    private Properties propertiesExample() throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(reference.codeBlock("Spring Boot", "properties")));
        return properties;
    }

    private static CalendlyWebhookProperties bind(PropertySource<?> example) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("variables", VARIABLES));
        environment.getPropertySources().addFirst(example);
        return Binder.get(environment).bind("calendly.webhook", CalendlyWebhookProperties.class).get();
    }

    private static List<Object> summary(CalendlyWebhookProperties properties) {
        WebhookSettings settings = properties.toSettings();
        return List.of(settings.enabled(), settings.path(), String.valueOf(settings.secret()),
                settings.previousSecrets().stream().map(p -> p.secret() + "@" + p.expiresAt()).collect(Collectors.toList()),
                settings.tolerance(), settings.allowedIps(), settings.trustedProxies(), settings.rateLimitEnabled(),
                settings.requestsPerMinute(), settings.burstPerSecond(), settings.rateLimitPolicy(),
                settings.maxBodySize(), settings.debug(), properties.getSecurity().isFilterChain());
    }
}
