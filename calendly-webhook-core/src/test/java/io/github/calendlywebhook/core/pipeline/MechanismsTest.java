package io.github.calendlywebhook.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.core.ratelimit.Bandwidth;
import io.github.calendlywebhook.core.ratelimit.RateLimiter;
import io.github.calendlywebhook.core.signature.SignatureVerificationException;
import io.github.calendlywebhook.core.signature.SignatureVerificationException.Reason;
import io.github.calendlywebhook.core.signature.SignatureVerifier;
import io.github.calendlywebhook.core.signature.WebhookSigner;
import io.github.calendlywebhook.test.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MechanismsTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    private static final Instant OLD_EXPIRES = NOW.plus(Duration.ofHours(1));
    private static final byte[] BODY = "{\"event\":\"invitee.created\"}".getBytes(StandardCharsets.UTF_8);

    private final MutableClock clock = MutableClock.at(NOW);

    @Test
    void verifierTakesSecretsToleranceAndPreviousSecretsFromSettings() {
        WebhookSettings settings = WebhookSettings.builder().secret("new-secret")
                .previousSecret("old-secret", OLD_EXPIRES).tolerance(Duration.ofSeconds(5)).build();
        SignatureVerifier fromSettings = Mechanisms.verifier(settings, clock);
        String oldHeader = new WebhookSigner("old-secret", clock).sign(BODY);

        assertThatCode(() -> fromSettings.verify(oldHeader, BODY)).doesNotThrowAnyException();
        clock.advance(Duration.ofSeconds(6));
        assertThatThrownBy(() -> fromSettings.verify(oldHeader, BODY)).isInstanceOfSatisfying(
                SignatureVerificationException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.TIMESTAMP_OUT_OF_TOLERANCE));
    }

    @Test
    void verifierRefusesSettingsWithoutSecret() {
        WebhookSettings settings = WebhookSettings.builder().build();

        assertThatThrownBy(() -> Mechanisms.verifier(settings, clock)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("calendly.webhook.secret");
    }

    @Test
    void rateLimiterTakesLimitsFromSettings() {
        WebhookSettings settings = WebhookSettings.builder().requestsPerMinute(30).burstPerSecond(5).build();

        assertThat(Mechanisms.rateLimiter(settings, clock).limits())
                .containsExactly(Bandwidth.perMinute(30), Bandwidth.perSecond(5));
    }

    @Test
    void mechanismDefaultsShouldAgreeWithTheSettingsDefaults() {
        WebhookSettings defaults = WebhookSettings.builder().build();

        assertThat(SignatureVerifier.DEFAULT_TOLERANCE).isEqualTo(defaults.tolerance());
        assertThat(RateLimiter.builder().build().limits()).containsExactly(
                Bandwidth.perMinute(defaults.requestsPerMinute()), Bandwidth.perSecond(defaults.burstPerSecond()));
    }
}
