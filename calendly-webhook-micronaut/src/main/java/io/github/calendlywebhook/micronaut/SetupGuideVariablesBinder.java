package io.github.calendlywebhook.micronaut;

import io.github.calendlywebhook.core.config.CommonWebhookProperties;
import io.github.calendlywebhook.core.config.SetupGuideVariables;
import io.micronaut.core.value.PropertyResolver;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the setup guide's variables ({@code ALLOWED_IPS}, {@code NODE_ENV=development},
 * {@code CALENDLY_WEBHOOK_PREVIOUS_SECRET[_EXPIRES_AT]}), read by the core's {@link SetupGuideVariables}, to the
 * bound properties. The variables are read through Micronaut's environment-variable property source
 * ({@code ALLOWED_IPS} is the property {@code allowed.ips}), so a key set by any source wins over them.
 */
final class SetupGuideVariablesBinder {

    private static final Logger LOG = LoggerFactory.getLogger(SetupGuideVariablesBinder.class);

    private SetupGuideVariablesBinder() {
    }

    static void apply(CommonWebhookProperties properties, PropertyResolver environment) {
        SetupGuideVariables variables = SetupGuideVariables.read(
                name -> environment.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'), String.class)
                        .orElse(null),
                environment::containsProperties);
        variables.notes().forEach(LOG::info);
        variables.applyTo(properties);
    }
}
