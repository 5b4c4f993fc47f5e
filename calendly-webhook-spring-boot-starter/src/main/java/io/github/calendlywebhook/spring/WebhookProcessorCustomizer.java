package io.github.calendlywebhook.spring;

import io.github.calendlywebhook.core.pipeline.WebhookProcessor;

/**
 * Customises the auto-configured {@link WebhookProcessor} before it is built. Beans of this type are
 * applied in their {@link org.springframework.core.annotation.Order order}.
 */
@FunctionalInterface
public interface WebhookProcessorCustomizer {

    /**
     * Customises the builder.
     *
     * @param builder the processor builder, already given the settings, clock, store, audit log,
     *     listeners and observers
     */
    void customize(WebhookProcessor.Builder builder);
}
