package io.github.calendlywebhook.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.calendlywebhook.core.config.RateLimitPolicy;
import io.github.calendlywebhook.core.config.WebhookSettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.PropertySource;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalendlyWebhookPropertiesTest {

    private static WebhookSettings bind(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("calendly.webhook.enabled", "false");
        try (ApplicationContext context = ApplicationContext.builder(all).environmentPropertySource(false).start()) {
            return context.getBean(CalendlyWebhookProperties.class).toSettings();
        }
    }

    @Test
    void bindsEveryKeyIntoTheCoreSettings() {
        WebhookSettings settings = bind(Map.ofEntries(
                Map.entry("calendly.webhook.path", "/hooks/calendly"),
                Map.entry("calendly.webhook.secret", "s3cret"),
                Map.entry("calendly.webhook.previous-secrets[0].secret", "old-secret"),
                Map.entry("calendly.webhook.previous-secrets[0].expires-at", "2030-01-01T00:00:00Z"),
                Map.entry("calendly.webhook.tolerance", "5m"),
                Map.entry("calendly.webhook.allowed-ips", "203.0.113.0/24,2001:db8::/32"),
                Map.entry("calendly.webhook.trusted-proxies", List.of("10.0.0.1")),
                Map.entry("calendly.webhook.rate-limit.enabled", "false"),
                Map.entry("calendly.webhook.rate-limit.requests-per-minute", "60"),
                Map.entry("calendly.webhook.rate-limit.burst-per-second", "5"),
                Map.entry("calendly.webhook.rate-limit.policy", "failed-requests"),
                Map.entry("calendly.webhook.max-body-size", "1MB"),
                Map.entry("calendly.webhook.debug", "true"),
                Map.entry("calendly.webhook.client-key.ipv6-prefix-length", "56"),
                Map.entry("calendly.webhook.audit.rejection-rows-per-window", "20")));

        assertThat(settings.path()).isEqualTo("/hooks/calendly");
        assertThat(settings.secret()).isEqualTo("s3cret");
        assertThat(settings.previousSecrets()).containsExactly(
                new WebhookSettings.PreviousSecret("old-secret", Instant.parse("2030-01-01T00:00:00Z")));
        assertThat(settings.tolerance()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.allowedIps()).containsExactly("203.0.113.0/24", "2001:db8::/32");
        assertThat(settings.trustedProxies()).containsExactly("10.0.0.1");
        assertThat(settings.rateLimitEnabled()).isFalse();
        assertThat(settings.requestsPerMinute()).isEqualTo(60);
        assertThat(settings.burstPerSecond()).isEqualTo(5);
        assertThat(settings.rateLimitPolicy()).isEqualTo(RateLimitPolicy.FAILED_REQUESTS);
        assertThat(settings.maxBodySize()).isEqualTo(1024 * 1024);
        assertThat(settings.debug()).isTrue();
        assertThat(settings.clientKeys().ipv6PrefixLength()).isEqualTo(56);
        assertThat(settings.auditRejectionRowsPerWindow()).isEqualTo(20);
    }

    @Test
    void keepsTheCoreDefaultsWhenNothingIsSet() {
        WebhookSettings settings = bind(Map.of());

        assertThat(settings.path()).isEqualTo(WebhookSettings.DEFAULT_PATH);
        assertThat(settings.secret()).isNull();
        assertThat(settings.tolerance()).isEqualTo(WebhookSettings.DEFAULT_TOLERANCE);
        assertThat(settings.rateLimitEnabled()).isTrue();
        assertThat(settings.requestsPerMinute()).isEqualTo(WebhookSettings.DEFAULT_REQUESTS_PER_MINUTE);
        assertThat(settings.burstPerSecond()).isEqualTo(WebhookSettings.DEFAULT_BURST_PER_SECOND);
        assertThat(settings.rateLimitPolicy()).isEqualTo(RateLimitPolicy.ALL_REQUESTS);
        assertThat(settings.maxBodySize()).isEqualTo(WebhookSettings.DEFAULT_MAX_BODY_SIZE);
        assertThat(settings.debug()).isFalse();
        assertThat(settings.clientKeys().ipv6PrefixLength()).isEqualTo(64);
        assertThat(settings.auditRejectionRowsPerWindow()).isEqualTo(WebhookSettings.DEFAULT_AUDIT_REJECTION_ROWS_PER_WINDOW);
    }

    @Test
    void bindsTheSecretFromTheCalendlyWebhookSecretEnvironmentVariable() {
        PropertySource environment = PropertySource.of("environment-variables",
                Map.of("CALENDLY_WEBHOOK_SECRET", "from-the-environment", "CALENDLY_WEBHOOK_ENABLED", "false"),
                PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE, EnvironmentPropertySource.ORIGIN);

        try (ApplicationContext context = ApplicationContext.builder().propertySources(environment).start()) {
            assertThat(context.getBean(CalendlyWebhookProperties.class).toSettings().secret())
                    .isEqualTo("from-the-environment");
        }
    }

    @Test
    void rejectsAPreviousSecretWithoutExpiryNamingTheKey() {
        assertThatThrownBy(() -> bind(Map.of("calendly.webhook.previous-secrets[0].secret", "old-secret")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("calendly.webhook.previous-secrets[0]");
    }

    @Test
    void rejectsANonPositiveRateLimitNamingTheKey() {
        assertThatThrownBy(() -> bind(Map.of("calendly.webhook.rate-limit.requests-per-minute", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("calendly.webhook.rate-limit.requests-per-minute");
    }
}
