package io.github.calendlywebhook.spring;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.StringUtils;

/**
 * Reads the setup guide's {@code ALLOWED_IPS} environment variable as {@code calendly.webhook.allowed-ips}.
 * It has the lowest precedence, so any other source of {@code calendly.webhook.allowed-ips} wins.
 * ({@code CALENDLY_WEBHOOK_SECRET} needs no mapping: it binds by relaxed binding.)
 */
final class SetupGuideEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "calendlyWebhookSetupGuideVariables";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        PropertySource<?> variables = environment.getPropertySources()
                .get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        Object allowedIps = variables == null ? null : variables.getProperty("ALLOWED_IPS");
        if (allowedIps instanceof String value && StringUtils.hasText(value)) {
            environment.getPropertySources()
                    .addLast(new MapPropertySource(SOURCE_NAME, Map.of("calendly.webhook.allowed-ips", value)));
        }
    }
}
