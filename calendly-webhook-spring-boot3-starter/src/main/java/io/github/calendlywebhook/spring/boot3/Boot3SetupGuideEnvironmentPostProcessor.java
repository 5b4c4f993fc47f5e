package io.github.calendlywebhook.spring.boot3;

import io.github.calendlywebhook.spring.SetupGuideVariables;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Applies {@link SetupGuideVariables} on Spring Boot 3.5, which looks environment post-processors up only
 * under this interface's name.
 */
final class Boot3SetupGuideEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        SetupGuideVariables.addTo(environment);
    }
}
