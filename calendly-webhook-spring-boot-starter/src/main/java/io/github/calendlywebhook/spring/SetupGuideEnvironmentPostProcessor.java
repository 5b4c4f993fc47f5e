package io.github.calendlywebhook.spring;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Applies {@link SetupGuideVariables} on Spring Boot 4 ({@code CALENDLY_WEBHOOK_SECRET} needs no mapping:
 * it binds by relaxed binding). Spring Boot 3.5 does not look up this interface; the Boot 3 starter
 * registers its own post-processor.
 */
final class SetupGuideEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        SetupGuideVariables.addTo(environment);
    }
}
