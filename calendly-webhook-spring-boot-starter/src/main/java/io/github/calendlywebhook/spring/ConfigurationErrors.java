package io.github.calendlywebhook.spring;

import io.github.calendlywebhook.core.config.WebhookSettings;
import java.util.function.Supplier;

/** Turns core validation failures into {@link InvalidCalendlyWebhookConfigurationException}s. */
final class ConfigurationErrors {

    private static final String MISSING_SECRET_ACTION = "Set calendly.webhook.secret (for example through the "
            + "CALENDLY_WEBHOOK_SECRET environment variable) to the signing key of your Calendly webhook "
            + "subscription, or set calendly.webhook.enabled=false to turn the endpoint off.";

    private static final String INVALID_VALUE_ACTION = "Correct the calendly.webhook property named above. "
            + "calendly.webhook.allowed-ips and calendly.webhook.trusted-proxies take IPv4 or IPv6 addresses "
            + "or CIDR blocks (for example 203.0.113.0/24), never host names; a block's address must be its "
            + "network address (10.0.0.0/8, not 10.0.0.1/8), and IPv4 blocks are written in IPv4 form "
            + "(52.0.0.0/8, not ::ffff:52.0.0.0/8).";

    private ConfigurationErrors() {
    }

    /**
     * Runs a configuration step, rethrowing a core validation failure with an explanation.
     *
     * @param step the step
     * @return what the step returns
     */
    static <T> T explain(Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException | IllegalStateException ex) {
            throw new InvalidCalendlyWebhookConfigurationException(
                    "Invalid Calendly webhook configuration: " + ex.getMessage(), INVALID_VALUE_ACTION, ex);
        }
    }

    /**
     * Runs a configuration step for one property, rethrowing a core validation failure naming the property.
     *
     * @param key the property the step reads
     * @param step the step
     * @return what the step returns
     */
    static <T> T explain(String key, Supplier<T> step) {
        return explain(() -> {
            try {
                return step.get();
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(key + ": " + ex.getMessage(), ex);
            }
        });
    }

    /**
     * Checks that the enabled endpoint has a secret.
     *
     * @param settings the settings
     * @return the settings
     */
    static WebhookSettings requireSecret(WebhookSettings settings) {
        if (settings.secret() == null) {
            throw new InvalidCalendlyWebhookConfigurationException(
                    "The Calendly webhook endpoint is enabled but calendly.webhook.secret is not set, so no "
                            + "delivery could be verified.",
                    MISSING_SECRET_ACTION, new IllegalStateException("calendly.webhook.secret is not set"));
        }
        return settings;
    }
}
