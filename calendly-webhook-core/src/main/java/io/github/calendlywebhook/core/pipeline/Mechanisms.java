package io.github.calendlywebhook.core.pipeline;

import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.core.ratelimit.Bandwidth;
import io.github.calendlywebhook.core.ratelimit.RateLimiter;
import io.github.calendlywebhook.core.signature.SignatureVerifier;
import java.time.Clock;

/**
 * Builds the checking mechanisms from the endpoint settings. The mechanisms know nothing of the settings;
 * the pipeline that composes them translates.
 */
public final class Mechanisms {

    private Mechanisms() {
    }

    /**
     * Returns a verifier for the secrets and tolerance of the settings.
     *
     * @param settings the webhook settings
     * @param clock the clock that decides what "now" is
     * @return the verifier
     * @throws IllegalStateException when the settings have no secret
     */
    public static SignatureVerifier verifier(WebhookSettings settings, Clock clock) {
        String secret = settings.secret();
        if (secret == null) {
            throw new IllegalStateException("calendly.webhook.secret is not set");
        }
        SignatureVerifier.Builder builder = SignatureVerifier.builder().secret(secret).tolerance(settings.tolerance())
                .clock(clock);
        settings.previousSecrets().forEach(previous -> builder.previousSecret(previous.secret(), previous.expiresAt()));
        return builder.build();
    }

    /**
     * Returns a limiter with the per-minute and per-second limits of the settings.
     *
     * @param settings the webhook settings; whether limiting is enabled is for the caller to decide
     * @param clock the clock
     * @return the limiter
     */
    public static RateLimiter rateLimiter(WebhookSettings settings, Clock clock) {
        return RateLimiter.builder()
                .limit(Bandwidth.perMinute(settings.requestsPerMinute()))
                .limit(Bandwidth.perSecond(settings.burstPerSecond()))
                .clock(clock)
                .build();
    }
}
