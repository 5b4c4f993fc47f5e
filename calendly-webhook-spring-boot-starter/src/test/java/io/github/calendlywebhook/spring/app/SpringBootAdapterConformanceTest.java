package io.github.calendlywebhook.spring.app;

import io.github.calendlywebhook.test.AdapterConformanceTest;
import io.github.calendlywebhook.test.ConformanceSettings;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Runs the core HTTP conformance suite against the auto-configured endpoint, behind Spring Security. */
@SpringBootTest(classes = WebhookTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpringBootAdapterConformanceTest extends AdapterConformanceTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void conformanceSettings(DynamicPropertyRegistry registry) {
        registry.add("calendly.webhook.secret", () -> ConformanceSettings.SECRET);
        registry.add("calendly.webhook.allowed-ips", () -> String.join(",", ConformanceSettings.ALLOWED_IPS));
        registry.add("calendly.webhook.trusted-proxies", () -> String.join(",", ConformanceSettings.TRUSTED_PROXIES));
        registry.add("calendly.webhook.max-body-size", () -> ConformanceSettings.MAX_BODY_SIZE + "B");
        registry.add("calendly.webhook.rate-limit.requests-per-minute", () -> ConformanceSettings.REQUESTS_PER_MINUTE);
        registry.add("calendly.webhook.rate-limit.burst-per-second", () -> ConformanceSettings.BURST_PER_SECOND);
    }

    @Override
    protected String baseUrl() {
        return "http://127.0.0.1:" + port + "/api/webhooks/calendly";
    }
}
