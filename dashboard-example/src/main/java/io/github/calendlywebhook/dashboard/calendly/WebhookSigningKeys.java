package io.github.calendlywebhook.dashboard.calendly;

import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.core.pipeline.Mechanisms;
import io.github.calendlywebhook.core.signature.SignatureVerifier;
import io.github.calendlywebhook.core.signature.SigningKeys;
import io.github.calendlywebhook.dashboard.calendly.SigningKeyRepository.StoredKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secrets the webhook endpoint accepts, read by the processor for every delivery: the stored
 * current key (or the configured {@code CALENDLY_WEBHOOK_SECRET} while none is stored) plus previous
 * keys until their subscriptions are gone and a grace period has passed. {@link #reload()} rebuilds the
 * verifier after a key change, so a registered or rotated webhook works without a restart.
 */
public final class WebhookSigningKeys implements SigningKeys {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSigningKeys.class);

    private final WebhookSettings settings;
    private final SigningKeyRepository repository;
    private final Clock clock;
    private final AtomicReference<Prepared> prepared = new AtomicReference<>();

    private record Prepared(SignatureVerifier verifier, String currentSecret) {
    }

    WebhookSigningKeys(WebhookSettings settings, SigningKeyRepository repository, Clock clock) {
        this.settings = settings;
        this.repository = repository;
        this.clock = clock;
        prepared.set(fromSettings());
    }

    @Override
    public SignatureVerifier verifier() {
        return prepared.get().verifier();
    }

    /**
     * Returns the secret the current subscription signs with, for signing test deliveries. Never log it.
     *
     * @return the current secret
     */
    public String currentSecret() {
        return prepared.get().currentSecret();
    }

    /** Rebuilds the verifier from the stored keys; keeps the last good one when the database fails. */
    public void reload() {
        try {
            prepared.set(build(repository.all()));
        } catch (RuntimeException e) {
            LOG.warn("could not read the stored webhook signing keys, keeping the loaded ones: {}",
                    e.getClass().getSimpleName());
        }
    }

    private Prepared build(List<StoredKey> keys) {
        String configured = Objects.requireNonNull(settings.secret(), "calendly.webhook.secret");
        String current = keys.stream().filter(k -> SigningKeyRepository.CURRENT.equals(k.role())).findFirst()
                .map(k -> k.signingKey() == null ? configured : k.signingKey()).orElse(configured);
        SignatureVerifier.Builder builder = SignatureVerifier.builder().secret(current)
                .tolerance(settings.tolerance()).clock(clock);
        settings.previousSecrets().forEach(p -> builder.previousSecret(p.secret(), p.expiresAt()));
        for (StoredKey key : keys) {
            if (SigningKeyRepository.PREVIOUS.equals(key.role())) {
                Instant expires = key.expiresAt() == null ? Instant.MAX : key.expiresAt();
                builder.previousSecret(key.signingKey() == null ? configured : key.signingKey(), expires);
            }
        }
        return new Prepared(builder.build(), current);
    }

    private Prepared fromSettings() {
        String configured = Objects.requireNonNull(settings.secret(), "calendly.webhook.secret");
        return new Prepared(Mechanisms.verifier(settings, clock), configured);
    }

    @Override
    public String toString() {
        return "WebhookSigningKeys[" + prepared.get().verifier() + "]";
    }
}
