package io.github.calendlywebhook.spring;

/**
 * Thrown at startup when {@code calendly.webhook.*} cannot configure the endpoint: enabled without a
 * secret, or an invalid value such as an allowlist entry that is not an address or CIDR block. The
 * message names the key and never contains a secret.
 */
public class InvalidCalendlyWebhookConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String action;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the key
     * @param action what to change
     * @param cause the core validation failure
     */
    public InvalidCalendlyWebhookConfigurationException(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    /** Returns what to change to fix the configuration. */
    public String action() {
        return action;
    }
}
