package io.github.calendlywebhook.spring;

import io.github.calendlywebhook.core.config.SetupGuideVariables;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Adds the setup guide's variables ({@code ALLOWED_IPS}, {@code NODE_ENV=development},
 * {@code CALENDLY_WEBHOOK_PREVIOUS_SECRET[_EXPIRES_AT]}), read by the core's {@link SetupGuideVariables}, as a
 * property source of the lowest precedence, so any other source of the same key wins
 * ({@code CALENDLY_WEBHOOK_SECRET} needs no mapping: it binds by relaxed binding). Each Spring Boot line
 * calls it from its own environment post-processor, since the two lines look them up under different names.
 */
public final class SetupGuideEnvironment {

    /** The name of the property source holding the mapped variables. */
    public static final String SOURCE_NAME = "calendlyWebhookSetupGuideVariables";

    private SetupGuideEnvironment() {
    }

    /**
     * Adds the mapped variables to the environment, last, and logs what was taken; does nothing when none
     * is set.
     *
     * @param environment the application's environment
     * @param log where to say which variables were taken
     */
    public static void addTo(ConfigurableEnvironment environment, Log log) {
        PropertySource<?> variables = environment.getPropertySources()
                .get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        SetupGuideVariables read = SetupGuideVariables.read(
                name -> variables != null && variables.getProperty(name) instanceof String value ? value : null,
                key -> configured(environment, key));
        read.notes().forEach(log::info);
        Map<String, Object> properties = new LinkedHashMap<>(read.properties());
        if (!properties.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, properties));
        }
    }

    private static boolean configured(ConfigurableEnvironment environment, String key) {
        ConfigurationPropertyName name = ConfigurationPropertyName.of(key);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source.getConfigurationProperty(name) != null
                    || source.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT) {
                return true;
            }
        }
        return false;
    }
}
