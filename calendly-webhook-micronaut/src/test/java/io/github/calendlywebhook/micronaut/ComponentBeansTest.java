package io.github.calendlywebhook.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.ip.ClientAddressResolver;
import io.github.calendlywebhook.core.ip.IpAllowlist;
import io.github.calendlywebhook.core.delivery.DeliveryObserver;
import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.pipeline.WebhookRequest;
import io.github.calendlywebhook.core.ratelimit.Bandwidth;
import io.github.calendlywebhook.core.ratelimit.RateLimiter;
import io.github.calendlywebhook.core.signature.SignatureVerifier;
import io.github.calendlywebhook.test.SignedPayloads;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The same replaceable component beans as the Spring Boot starter's, and its customizer hook. */
class ComponentBeansTest {

    private static final String SECRET = "component-beans-secret-0123456789";
    private static final String OTHER_SECRET = "another-secret-0123456789";

    private static ApplicationContext run(String spec, Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("calendly.webhook.secret", SECRET);
        all.put("spec.name", spec);
        return ApplicationContext.builder(all).environmentPropertySource(false).start();
    }

    private static WebhookRequest signed(String secret, String remoteAddress, Map<String, List<String>> extra) {
        byte[] body = SignedPayloads.inviteeCreated();
        Map<String, List<String>> headers = new HashMap<>(extra);
        headers.put("Content-Type", List.of("application/json"));
        headers.put(SignatureVerifier.HEADER, List.of(SignedPayloads.sign(secret, body, Instant.now())));
        return WebhookRequest.post(headers, remoteAddress, body);
    }

    private static int status(ApplicationContext context, WebhookRequest request) {
        return context.getBean(WebhookProcessor.class).process(request).status();
    }

    @Test
    void componentsShouldEachBeABean() {
        try (ApplicationContext context = run("defaults", Map.of())) {
            assertThat(context.getBeansOfType(SignatureVerifier.class)).hasSize(1);
            assertThat(context.getBeansOfType(IpAllowlist.class)).hasSize(1);
            assertThat(context.getBeansOfType(ClientAddressResolver.class)).hasSize(1);
            assertThat(context.getBeansOfType(RateLimiter.class)).hasSize(1);
        }
    }

    @Test
    void rateLimiterShouldNotBeABeanWhenRateLimitingIsDisabled() {
        try (ApplicationContext context = run("defaults", Map.of("calendly.webhook.rate-limit.enabled", "false"))) {
            assertThat(context.getBeansOfType(RateLimiter.class)).isEmpty();
            assertThat(status(context, signed(SECRET, "203.0.113.7", Map.of()))).isEqualTo(200);
        }
    }

    @Test
    void applicationVerifierShouldCheckSignatures() {
        try (ApplicationContext context = run("verifier", Map.of())) {
            assertThat(status(context, signed(SECRET, "203.0.113.7", Map.of()))).isEqualTo(401);
            assertThat(status(context, signed(OTHER_SECRET, "203.0.113.7", Map.of()))).isEqualTo(200);
        }
    }

    @Test
    void applicationAllowlistShouldDecideWhoMayDeliver() {
        try (ApplicationContext context = run("allowlist", Map.of())) {
            assertThat(status(context, signed(SECRET, "203.0.113.7", Map.of()))).isEqualTo(403);
            assertThat(status(context, signed(SECRET, "198.51.100.7", Map.of()))).isEqualTo(200);
        }
    }

    @Test
    void applicationAddressResolverShouldBeTrusted() {
        try (ApplicationContext context = run("resolver", Map.of("calendly.webhook.allowed-ips", "198.51.100.0/24"))) {
            WebhookRequest viaProxy = signed(SECRET, "203.0.113.1", Map.of("X-Forwarded-For", List.of("198.51.100.4")));

            assertThat(status(context, viaProxy)).isEqualTo(200);
        }
    }

    @Test
    void applicationRateLimiterShouldLimitClients() {
        try (ApplicationContext context = run("limiter", Map.of())) {
            status(context, signed(SECRET, "203.0.113.7", Map.of()));

            assertThat(status(context, signed(SECRET, "203.0.113.7", Map.of()))).isEqualTo(429);
        }
    }

    @Test
    void customizersShouldShapeTheProcessorBeforeItIsBuilt() {
        try (ApplicationContext context = run("customizer", Map.of())) {
            status(context, signed(SECRET, "203.0.113.7", Map.of()));

            assertThat(context.getBean(Replacements.class).observed).hasValue(1);
        }
    }

    /** Replacements chosen by {@code spec.name}. */
    @Factory
    static class Replacements {

        final AtomicInteger observed = new AtomicInteger();

        @Singleton
        @Requires(property = "spec.name", value = "verifier")
        SignatureVerifier verifier() {
            return SignatureVerifier.builder().secret(OTHER_SECRET).build();
        }

        @Singleton
        @Requires(property = "spec.name", value = "allowlist")
        IpAllowlist allowlist() {
            return IpAllowlist.parse(List.of("198.51.100.0/24"));
        }

        @Singleton
        @Requires(property = "spec.name", value = "resolver")
        ClientAddressResolver resolver() {
            return ClientAddressResolver.trusting(List.of("203.0.113.0/24"));
        }

        @Singleton
        @Requires(property = "spec.name", value = "limiter")
        RateLimiter limiter() {
            return RateLimiter.builder().limit(Bandwidth.perMinute(1)).build();
        }

        @Singleton
        @Requires(property = "spec.name", value = "customizer")
        WebhookProcessorCustomizer countingObserver() {
            DeliveryObserver counting = result -> observed.incrementAndGet();
            return builder -> builder.observer(counting);
        }
    }
}
