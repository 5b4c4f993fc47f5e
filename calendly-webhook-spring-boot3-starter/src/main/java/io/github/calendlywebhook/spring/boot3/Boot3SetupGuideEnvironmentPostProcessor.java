package io.github.calendlywebhook.spring.boot3;

import io.github.calendlywebhook.spring.SetupGuideEnvironment;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Applies {@link SetupGuideEnvironment} on Spring Boot 3.5, which looks environment post-processors up only
 * under this interface's name.
 */
final class Boot3SetupGuideEnvironmentPostProcessor implements EnvironmentPostProcessor {

    private final Log log;

    Boot3SetupGuideEnvironmentPostProcessor(DeferredLogFactory logs) {
        this.log = logs.getLog(Boot3SetupGuideEnvironmentPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        SetupGuideEnvironment.addTo(environment, log);
    }
}
