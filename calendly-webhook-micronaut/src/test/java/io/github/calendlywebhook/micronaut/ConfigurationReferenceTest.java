package io.github.calendlywebhook.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.calendlywebhook.core.testing.ConfigurationReference;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.PropertySource;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Keeps docs/configuration.md and the adapter's generated configuration metadata in step. */
class ConfigurationReferenceTest {

    private static final String ADAPTER = "Micronaut";
    private static final String ENABLED = CalendlyWebhookProperties.PREFIX + ".enabled";
    private static final Pattern INDEX = Pattern.compile("\\[\\d+].*$");

    private final ConfigurationReference reference = ConfigurationReference.load();

    private final List<String> metadata = metadataNames();

    ConfigurationReferenceTest() throws IOException {
    }

    @Test
    void documentsEveryPropertyTheAdapterReads() {
        assertThat(metadata).isNotEmpty().allSatisfy(name -> assertThat(reference.find(name))
                .as("%s in docs/configuration.md", name)
                .hasValueSatisfying(entry -> assertThat(entry.readBy(ADAPTER)).as("%s read by Micronaut", name).isTrue()));
    }

    @Test
    void readsEveryKeyDocumentedForMicronaut() {
        assertThat(reference.readBy(ADAPTER)).allSatisfy(entry -> assertThat(metadata)
                .as("documented key %s", entry.key()).contains(entry.metadataName()));
    }

    @Test
    void readsNoKeyDocumentedForTheOtherAdapterOnly() {
        assertThat(reference.entries()).filteredOn(entry -> !entry.readBy(ADAPTER)).isNotEmpty()
                .allSatisfy(entry -> assertThat(metadata).as("adapter-specific key %s", entry.key())
                        .doesNotContain(entry.metadataName()));
    }

    @Test
    void bindsTheDocumentedDefaultsWhenNothingIsSet() {
        assertThat(reference.readBy(ADAPTER)).filteredOn(entry -> entry.literalDefault().isPresent()).isNotEmpty()
                .allSatisfy(entry -> {
                    Object unset = bound(entry.key(), Map.of());
                    Object documented = bound(entry.key(), Map.of(entry.key(), entry.literalDefault().orElseThrow()));

                    assertThat(unset).as("default of %s", entry.key()).isEqualTo(documented);
                });
    }

    @Test
    void bindsEveryDocumentedEnvironmentVariableToItsKey() {
        assertThat(reference.readBy(ADAPTER)).filteredOn(entry -> entry.environmentVariable(ADAPTER).isPresent()).isNotEmpty()
                .allSatisfy(entry -> {
                    String value = entry.literalExample().orElseThrow();
                    String variable = entry.environmentVariable(ADAPTER).orElseThrow();

                    Object fromVariable = boundFromEnvironment(entry.key(), Map.of(variable, value));
                    Object fromKey = bound(entry.key(), Map.of(entry.key(), value));

                    assertThat(fromKey).as("example of %s differs from its default", entry.key())
                            .isNotEqualTo(bound(entry.key(), Map.of()));
                    assertThat(fromVariable).as("%s bound from %s", entry.key(), variable).isEqualTo(fromKey);
                });
    }

    /**
     * Starts without the endpoint, so that a lone key (one half of a previous secret) binds without the
     * processor validating it; the enabled key itself is checked with a secret instead.
     */
    private static Map<String, Object> base(String key) {
        return key.equals(ENABLED) ? Map.of(CalendlyWebhookProperties.PREFIX + ".secret", "reference-secret-0123456789")
                : Map.of(ENABLED, "false");
    }

    @Test
    void doesNotBindTheEnvironmentVariablesDocumentedForTheOtherAdapterOnly() {
        assertThat(reference.readBy(ADAPTER))
                .filteredOn(entry -> entry.anyEnvironmentVariable().isPresent()
                        && entry.environmentVariable(ADAPTER).isEmpty())
                .isNotEmpty()
                .allSatisfy(entry -> {
                    String value = entry.literalExample().orElseThrow();
                    String variable = entry.anyEnvironmentVariable().orElseThrow();

                    Object fromVariable;
                    try {
                        fromVariable = boundFromEnvironment(entry.key(), Map.of(variable, value));
                    } catch (RuntimeException e) {
                        fromVariable = e;
                    }

                    assertThat(fromVariable).as("%s from %s (documented as not read by Micronaut)", entry.key(), variable)
                            .isNotEqualTo(bound(entry.key(), Map.of(entry.key(), value)));
                });
    }

    private static @Nullable Object bound(String key, Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(base(key));
        all.putAll(properties);
        try (ApplicationContext context = ApplicationContext.builder(all).environmentPropertySource(false).start()) {
            return read(context.getBean(CalendlyWebhookProperties.class), key);
        }
    }

    private static @Nullable Object boundFromEnvironment(String key, Map<String, Object> variables) {
        PropertySource environment = PropertySource.of("environment-variables", variables,
                PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE, EnvironmentPropertySource.ORIGIN);
        try (ApplicationContext context = ApplicationContext.builder(base(key)).environmentPropertySource(false)
                .propertySources(environment).start()) {
            return read(context.getBean(CalendlyWebhookProperties.class), key);
        }
    }

    /** Follows the key's segments through the getters, {@code rate-limit.policy} to {@code getRateLimit().getPolicy()}. */
    private static @Nullable Object read(Object properties, String key) {
        Matcher index = INDEX.matcher(key);
        String path = index.find() ? key.substring(0, index.start()) : key;
        Object value = properties;
        for (String segment : path.substring(CalendlyWebhookProperties.PREFIX.length() + 1).split("\\.")) {
            value = invoke(value, segment);
        }
        return value;
    }

    private static Object invoke(Object target, String kebabName) {
        StringBuilder camel = new StringBuilder();
        for (String part : kebabName.split("-")) {
            camel.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        for (String prefix : List.of("get", "is")) {
            try {
                Method getter = target.getClass().getMethod(prefix + camel);
                return getter.invoke(target);
            } catch (NoSuchMethodException e) {
                // try the next prefix
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no getter for " + kebabName + " on " + target.getClass());
    }

    private static List<String> metadataNames() throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = ConfigurationReferenceTest.class
                .getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            if (in == null) {
                throw new IllegalStateException("no generated configuration metadata on the classpath");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            root.path("properties").forEach(property -> names.add(property.path("name").asText()));
        }
        return names;
    }
}
