package io.github.calendlywebhook.spring;

import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.StringUtils;

/**
 * Reads the setup guide's {@code ALLOWED_IPS} environment variable as {@code calendly.webhook.allowed-ips},
 * with the lowest precedence, so any other source of {@code calendly.webhook.allowed-ips} wins. Each Spring
 * Boot line calls it from its own environment post-processor, since the two lines look them up under
 * different names.
 */
public final class SetupGuideVariables {

    /** The name of the property source holding the mapped variables. */
    public static final String SOURCE_NAME = "calendlyWebhookSetupGuideVariables";

    private SetupGuideVariables() {
    }

    /**
     * Adds the mapped variables to the environment, last; does nothing when none is set.
     *
     * @param environment the application's environment
     */
    public static void addTo(ConfigurableEnvironment environment) {
        PropertySource<?> variables = environment.getPropertySources()
                .get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        Object allowedIps = variables == null ? null : variables.getProperty("ALLOWED_IPS");
        if (allowedIps instanceof String value && StringUtils.hasText(value)) {
            environment.getPropertySources()
                    .addLast(new MapPropertySource(SOURCE_NAME, Map.of("calendly.webhook.allowed-ips", value)));
        }
    }
}
