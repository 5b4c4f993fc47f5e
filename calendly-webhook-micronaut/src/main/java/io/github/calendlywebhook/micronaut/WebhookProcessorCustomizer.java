package io.github.calendlywebhook.micronaut;

import io.github.calendlywebhook.core.pipeline.WebhookProcessor;

/**
 * Customises the {@link WebhookProcessor} the adapter creates, before it is built. Beans of this type are
 * applied in their {@link io.micronaut.core.annotation.Order order}, as the Spring Boot starter's
 * customizers are.
 */
@FunctionalInterface
public interface WebhookProcessorCustomizer {

    /**
     * Customises the builder.
     *
     * @param builder the processor builder, already given the settings, clock, store, audit log, mechanisms,
     *     listeners and observers
     */
    void customize(WebhookProcessor.Builder builder);
}
