package io.github.calendlywebhook.micronaut;

import io.github.calendlywebhook.test.AdapterConformanceTest;
import io.github.calendlywebhook.test.ConformanceSettings;
import io.micronaut.context.DefaultApplicationContextBuilder;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;

/** Runs the adapter conformance suite against the endpoint on the real Netty server, over HTTP. */
@MicronautTest(contextBuilder = MicronautConformanceTest.ConformanceContext.class)
class MicronautConformanceTest extends AdapterConformanceTest {

    @Inject
    EmbeddedServer server;

    @Override
    protected String baseUrl() {
        return "http://127.0.0.1:" + server.getPort() + "/api/webhooks/calendly";
    }

    /** Starts the application with the conformance settings as its configuration. */
    public static class ConformanceContext extends DefaultApplicationContextBuilder {

        public ConformanceContext() {
            properties(Map.of(
                    "micronaut.server.host", "127.0.0.1",
                    "calendly.webhook.secret", ConformanceSettings.SECRET,
                    "calendly.webhook.allowed-ips", ConformanceSettings.ALLOWED_IPS,
                    "calendly.webhook.trusted-proxies", ConformanceSettings.TRUSTED_PROXIES,
                    "calendly.webhook.max-body-size", ConformanceSettings.MAX_BODY_SIZE,
                    "calendly.webhook.rate-limit.requests-per-minute", ConformanceSettings.REQUESTS_PER_MINUTE,
                    "calendly.webhook.rate-limit.burst-per-second", ConformanceSettings.BURST_PER_SECOND));
        }
    }
}
