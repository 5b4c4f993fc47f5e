package io.github.calendlywebhook.spring;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringBootVersion;
import org.springframework.util.ClassUtils;

/**
 * The Spring Boot lines the starter supports. On any other line some auto-configuration would be left
 * out without a word (Spring Boot moves the classes it orders against between lines), so startup fails
 * instead, naming the supported lines.
 */
final class SpringBootLines {

    /** The supported lines, each with the artifact it takes. */
    static final String SUPPORTED = "Spring Boot 4.0.x (calendly-webhook-spring-boot-starter) and "
            + "Spring Boot 3.5.x (calendly-webhook-spring-boot3-starter)";

    /** A class of calendly-webhook-spring-boot3-starter, which adds what differs on Spring Boot 3.5. */
    static final String BOOT3_STARTER_CLASS =
            "io.github.calendlywebhook.spring.boot3.CalendlyWebhookBoot3HealthAutoConfiguration";

    private static final String ACTION = "Use one of the supported lines: " + SUPPORTED + ".";

    private SpringBootLines() {
    }

    /** Fails unless the running Spring Boot line is supported with the artifacts on the classpath. */
    static void requireSupported() {
        check(SpringBootVersion.getVersion(),
                ClassUtils.isPresent(BOOT3_STARTER_CLASS, SpringBootLines.class.getClassLoader()));
    }

    /**
     * Fails unless the version belongs to a supported line.
     *
     * @param version the running Spring Boot version, {@code null} when it cannot be read
     * @param boot3Starter whether calendly-webhook-spring-boot3-starter is on the classpath
     * @throws InvalidCalendlyWebhookConfigurationException naming the supported lines
     */
    static void check(@Nullable String version, boolean boot3Starter) {
        if (version != null && version.startsWith("4.0.")) {
            return;
        }
        if (version != null && version.startsWith("3.5.")) {
            if (boot3Starter) {
                return;
            }
            throw unsupported("Spring Boot " + version + " needs calendly-webhook-spring-boot3-starter in place of "
                    + "calendly-webhook-spring-boot-starter: the health indicator and the ALLOWED_IPS variable "
                    + "use Spring Boot 3.5 types. Supported: " + SUPPORTED + ".");
        }
        throw unsupported("The Calendly webhook starter does not support Spring Boot "
                + (version == null ? "of an unknown version" : version) + ". Supported: " + SUPPORTED + ".");
    }

    private static InvalidCalendlyWebhookConfigurationException unsupported(String message) {
        return new InvalidCalendlyWebhookConfigurationException(message, ACTION, new IllegalStateException(message));
    }
}
