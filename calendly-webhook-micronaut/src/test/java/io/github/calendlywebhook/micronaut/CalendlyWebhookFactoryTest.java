package io.github.calendlywebhook.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.calendlywebhook.core.audit.AuditLog;
import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.pipeline.WebhookRequest;
import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.core.store.AppendResult;
import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.InMemoryEventStore;
import io.github.calendlywebhook.test.SignedPayloads;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.BeanInstantiationException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalendlyWebhookFactoryTest {

    static final String SECRET = "factory-test-secret-0123456789";
    static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);

    private static ApplicationContext run(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>();
        all.put("calendly.webhook.secret", SECRET);
        all.putAll(properties);
        return ApplicationContext.builder(all).environmentPropertySource(false).start();
    }

    @Test
    void enabledWebhookShouldCreateTheProcessorWithTheBoundSettings() {
        try (ApplicationContext context = run(Map.of("calendly.webhook.max-body-size", "64KB"))) {
            WebhookProcessor processor = context.getBean(WebhookProcessor.class);

            assertThat(processor.settings().secret()).isEqualTo(SECRET);
            assertThat(processor.settings().maxBodySize()).isEqualTo(64 * 1024);
            assertThat(context.getBean(WebhookSettings.class)).isSameAs(processor.settings());
        }
    }

    @Test
    void noDataSourceShouldFallBackToTheInMemoryStoreAndAuditLog() {
        try (ApplicationContext context = run(Map.of())) {
            assertThat(context.getBean(EventStore.class)).isInstanceOf(InMemoryEventStore.class);
            assertThat(context.getBean(AuditLog.class))
                    .extracting(bean -> bean.getClass().getSimpleName()).isEqualTo("InMemoryAuditLog");
        }
    }

    @Test
    void disabledWebhookShouldCreateNoBeans() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("calendly.webhook.enabled", "false"))) {
            assertThat(context.containsBean(WebhookProcessor.class)).isFalse();
            assertThat(context.containsBean(WebhookSettings.class)).isFalse();
            assertThat(context.containsBean(EventStore.class)).isFalse();
            assertThat(context.containsBean(AuditLog.class)).isFalse();
            assertThat(context.containsBean(ApplicationEventPublishingListener.class)).isFalse();
            assertThat(context.containsBean(CalendlyWebhookController.class)).isFalse();
        }
    }

    @Test
    void missingSecretShouldFailStartupNamingTheKey() {
        assertThatThrownBy(() -> ApplicationContext.builder(Map.of("calendly.webhook.path", "/hooks"))
                .environmentPropertySource(false).start().close())
                .isInstanceOf(BeanInstantiationException.class)
                .hasMessageContaining("calendly.webhook.secret");
    }

    @Test
    void blankSecretShouldFailStartupAsMissing() {
        assertThatThrownBy(() -> run(Map.of("calendly.webhook.secret", " ")).close())
                .isInstanceOf(BeanInstantiationException.class)
                .hasMessageContaining("calendly.webhook.secret is not set");
    }

    @Test
    void invalidAllowlistEntryShouldFailStartupNamingTheKeyAndEntry() {
        assertThatThrownBy(() -> run(Map.of("calendly.webhook.allowed-ips", "calendly.com")).close())
                .isInstanceOf(BeanInstantiationException.class)
                .hasMessageContaining("calendly.webhook.allowed-ips")
                .hasMessageContaining("calendly.com");
    }

    @Test
    void invalidTrustedProxyEntryShouldFailStartupNamingTheKeyAndEntry() {
        assertThatThrownBy(() -> run(Map.of("calendly.webhook.trusted-proxies", "10.0.0.0/33")).close())
                .isInstanceOf(BeanInstantiationException.class)
                .hasMessageContaining("calendly.webhook.trusted-proxies")
                .hasMessageContaining("10.0.0.0/33");
    }

    @Test
    void allowlistEntryWithHostBitsSetShouldFailStartupSuggestingTheNetwork() {
        assertThatThrownBy(() -> run(Map.of("calendly.webhook.allowed-ips", "10.0.0.1/8")).close())
                .isInstanceOf(BeanInstantiationException.class)
                .hasStackTraceContaining("calendly.webhook.allowed-ips")
                .hasStackTraceContaining("'10.0.0.1/8' has host bits set")
                .hasStackTraceContaining("10.0.0.0/8");
    }

    @Test
    void ipv4MappedAllowlistEntryBelowSlash96ShouldFailStartupSuggestingTheIpv4Form() {
        assertThatThrownBy(() -> run(Map.of("calendly.webhook.allowed-ips", "::ffff:52.0.0.0/8")).close())
                .isInstanceOf(BeanInstantiationException.class)
                .hasStackTraceContaining("calendly.webhook.allowed-ips")
                .hasStackTraceContaining("'::ffff:52.0.0.0/8'")
                .hasStackTraceContaining("52.0.0.0/8");
    }

    @Test
    void ambiguousTrustedProxyEntriesShouldFailStartupNamingTheKey() {
        for (String entry : new String[] {"127.0.0.1/8", "::ffff:127.0.0.0/8"}) {
            assertThatThrownBy(() -> run(Map.of("calendly.webhook.trusted-proxies", entry)).close())
                    .isInstanceOf(BeanInstantiationException.class)
                    .hasStackTraceContaining("calendly.webhook.trusted-proxies")
                    .hasStackTraceContaining("'" + entry + "'");
        }
    }

    @Test
    void clientKeyPrefixLengthOutOfRangeShouldFailStartupNamingTheKey() {
        assertThatThrownBy(() -> run(Map.of("calendly.webhook.client-key.ipv6-prefix-length", "0")).close())
                .hasStackTraceContaining("calendly.webhook.client-key.ipv6-prefix-length");
    }

    @Test
    void invalidToleranceShouldFailStartupNamingTheKey() {
        assertThatThrownBy(() -> run(Map.of("calendly.webhook.tolerance", "-1s")).close())
                .isInstanceOf(BeanInstantiationException.class)
                .hasMessageContaining("calendly.webhook.tolerance");
    }

    @Test
    void errorMessagesShouldNeverContainTheSecret() {
        assertThatThrownBy(() -> run(Map.of("calendly.webhook.allowed-ips", "calendly.com")).close())
                .hasStackTraceContaining("calendly.webhook.allowed-ips")
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain(SECRET));
    }

    @Test
    void applicationBeansShouldReplaceTheDefaults() {
        try (ApplicationContext context = run(Map.of("spec.name", "replaced-beans"))) {
            assertThat(context.getBeansOfType(EventStore.class)).singleElement().isSameAs(ReplacingBeans.STORE);
            assertThat(context.getBeansOfType(AuditLog.class)).singleElement().isSameAs(ReplacingBeans.AUDIT);
            assertThat(context.getBean(Clock.class)).isSameAs(FIXED);
            assertThat(context.getBean(WebhookProcessor.class).settings().path()).isEqualTo("/replaced");
        }
    }

    @Test
    void clockShouldNotBeRegisteredInTheApplicationContext() {
        try (ApplicationContext context = run(Map.of())) {
            assertThat(context.getBean(WebhookProcessor.class)).isNotNull();
            assertThat(context.findBean(Clock.class)).isEmpty();
        }
    }

    @Test
    void applicationClockShouldDecideWhetherASignatureIsFresh() {
        byte[] body = SignedPayloads.inviteeCreated();
        WebhookRequest signedAtTheFixedInstant = WebhookRequest.post(Map.of("Content-Type", List.of("application/json"),
                "Calendly-Webhook-Signature", List.of(SignedPayloads.sign(SECRET, body, FIXED.instant()))),
                "203.0.113.7", body);

        try (ApplicationContext context = run(Map.of("spec.name", "replaced-beans"))) {
            assertThat(context.getBean(WebhookProcessor.class).process(signedAtTheFixedInstant).status()).isEqualTo(200);
        }
    }

    @Test
    void applicationProcessorShouldReplaceTheDefault() {
        try (ApplicationContext context = run(Map.of("spec.name", "replaced-processor"))) {
            assertThat(context.getBeansOfType(WebhookProcessor.class)).singleElement().isSameAs(ReplacingProcessor.PROCESSOR);
        }
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    /** Beans an application declares to replace the defaults. */
    @Factory
    @Requires(property = "spec.name", value = "replaced-beans")
    static class ReplacingBeans {

        static final EventStore STORE = event -> AppendResult.STORED;
        static final AuditLog AUDIT = entry -> { };

        @Singleton
        EventStore store() {
            return STORE;
        }

        @Singleton
        AuditLog auditLog() {
            return AUDIT;
        }

        @Singleton
        Clock clock() {
            return FIXED;
        }

        @Singleton
        WebhookSettings settings() {
            return WebhookSettings.builder().secret(SECRET).path("/replaced").build();
        }
    }

    /** An application that builds its own processor. */
    @Factory
    @Requires(property = "spec.name", value = "replaced-processor")
    static class ReplacingProcessor {

        static final WebhookProcessor PROCESSOR = WebhookProcessor.builder(
                WebhookSettings.builder().secret(SECRET).build()).build();

        @Singleton
        WebhookProcessor processor() {
            return PROCESSOR;
        }
    }
}
