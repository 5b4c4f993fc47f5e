package io.github.calendlywebhook.spring;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Applies {@link SetupGuideEnvironment} on Spring Boot 4. Spring Boot 3.5 does not look up this
 * interface; the Boot 3 starter registers its own post-processor.
 */
final class SetupGuideEnvironmentPostProcessor implements EnvironmentPostProcessor {

    private final Log log;

    SetupGuideEnvironmentPostProcessor(DeferredLogFactory logs) {
        this.log = logs.getLog(SetupGuideEnvironmentPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        SetupGuideEnvironment.addTo(environment, log);
    }
}
