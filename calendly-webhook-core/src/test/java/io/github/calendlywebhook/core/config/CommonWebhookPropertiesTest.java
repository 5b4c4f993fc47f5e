package io.github.calendlywebhook.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommonWebhookPropertiesTest {

    /** What an adapter adds: only the body size, here a plain number of bytes. */
    private static final class Properties extends CommonWebhookProperties {

        private long maxBodySize = DEFAULT_MAX_BODY_SIZE;

        @Override
        protected long maxBodySizeInBytes() {
            return maxBodySize;
        }
    }

    private static CommonWebhookProperties.PreviousSecret previous(String secret, Instant expiresAt) {
        CommonWebhookProperties.PreviousSecret previous = new CommonWebhookProperties.PreviousSecret();
        previous.setSecret(secret);
        previous.setExpiresAt(expiresAt);
        return previous;
    }

    @Test
    void untouchedPropertiesShouldGiveTheDefaultSettings() {
        WebhookSettings settings = new Properties().toSettings();

        assertThat(settings).hasToString(WebhookSettings.builder().build().toString());
    }

    @Test
    void everyBoundValueShouldReachTheSettings() {
        Properties properties = new Properties();
        properties.setEnabled(false);
        properties.setPath("/hooks/calendly");
        properties.setSecret("current-secret");
        properties.setPreviousSecrets(List.of(previous("old-secret", Instant.parse("2030-01-01T00:00:00Z"))));
        properties.setTolerance(Duration.ofMinutes(5));
        properties.setAllowedIps(List.of("203.0.113.0/24"));
        properties.setTrustedProxies(List.of("10.0.0.1"));
        properties.getRateLimit().setEnabled(false);
        properties.getRateLimit().setRequestsPerMinute(60);
        properties.getRateLimit().setBurstPerSecond(5);
        properties.getRateLimit().setPolicy(RateLimitPolicy.FAILED_REQUESTS);
        properties.maxBodySize = 1024;
        properties.setDebug(true);

        WebhookSettings settings = properties.toSettings();

        assertThat(settings).hasToString(WebhookSettings.builder().enabled(false).path("/hooks/calendly")
                .secret("current-secret").previousSecret("old-secret", Instant.parse("2030-01-01T00:00:00Z"))
                .tolerance(Duration.ofMinutes(5)).allowedIps(List.of("203.0.113.0/24")).trustedProxies(List.of("10.0.0.1"))
                .rateLimitEnabled(false).requestsPerMinute(60).burstPerSecond(5)
                .rateLimitPolicy(RateLimitPolicy.FAILED_REQUESTS).maxBodySize(1024).debug(true).build().toString());
        assertThat(settings.previousSecrets()).containsExactly(
                new WebhookSettings.PreviousSecret("old-secret", Instant.parse("2030-01-01T00:00:00Z")));
    }

    @Test
    void blankSecretShouldCountAsNoSecret() {
        Properties properties = new Properties();
        properties.setSecret("  ");

        assertThat(properties.toSettings().secret()).isNull();
    }

    @Test
    void previousSecretWithoutExpiryShouldBeRefusedNamingItsEntry() {
        Properties properties = new Properties();
        properties.setPreviousSecrets(List.of(previous("first", Instant.parse("2030-01-01T00:00:00Z")),
                previous("second", null)));

        assertThatThrownBy(properties::toSettings).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("calendly.webhook.previous-secrets[1].expires-at");
    }

    @Test
    void invalidValueShouldBeRefusedNamingItsKey() {
        Properties properties = new Properties();
        properties.getRateLimit().setBurstPerSecond(0);

        assertThatThrownBy(properties::toSettings).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("calendly.webhook.rate-limit.burst-per-second");
    }
}
