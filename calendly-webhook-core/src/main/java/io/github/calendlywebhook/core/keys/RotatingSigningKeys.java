package io.github.calendlywebhook.core.keys;

import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.core.signature.SignatureVerifier;
import io.github.calendlywebhook.core.signature.SigningKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secrets a webhook processor accepts when keys are rotated through the Calendly API: the stored
 * current key (or the configured {@code calendly.webhook.secret} while none is stored) plus the
 * configured previous secrets and the stored previous keys until they expire. {@link #reload()} rebuilds
 * the verifier after a key change, so a registered or rotated subscription works without a restart.
 * Give it to the processor's builder with {@code signingKeys(...)}.
 */
public final class RotatingSigningKeys implements SigningKeys {

    private static final Logger LOG = LoggerFactory.getLogger(RotatingSigningKeys.class);

    private final WebhookSettings settings;
    private final JdbcSigningKeyStore store;
    private final Clock clock;
    private volatile Prepared prepared;

    private record Prepared(SignatureVerifier verifier, String currentSecret) {
    }

    private RotatingSigningKeys(WebhookSettings settings, JdbcSigningKeyStore store, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        prepared = build(List.of());
    }

    /**
     * Returns the keys of the settings and the store, loaded from the store; when the store cannot be read,
     * the settings' secrets until a {@link #reload()} succeeds.
     *
     * @param settings the webhook settings; their secret stands for keys stored as the configured secret
     * @param store the signing-key store
     * @param clock the clock the verifier checks timestamps and expiries with
     * @return the keys
     * @throws IllegalStateException when the settings have no secret
     */
    public static RotatingSigningKeys load(WebhookSettings settings, JdbcSigningKeyStore store, Clock clock) {
        RotatingSigningKeys keys = new RotatingSigningKeys(settings, store, clock);
        keys.reload();
        return keys;
    }

    @Override
    public SignatureVerifier verifier() {
        return prepared.verifier();
    }

    /**
     * Returns the secret the current subscription signs with, for signing test deliveries. Never log it.
     *
     * @return the current secret
     */
    public String currentSecret() {
        return prepared.currentSecret();
    }

    /** Rebuilds the verifier from the stored keys; keeps the last good one when the database fails. */
    public void reload() {
        try {
            prepared = build(store.all());
        } catch (RuntimeException e) {
            LOG.warn("could not read the stored webhook signing keys, keeping the loaded ones: {}",
                    e.getClass().getSimpleName());
        }
    }

    private Prepared build(List<StoredSigningKey> keys) {
        String configured = settings.secret();
        if (configured == null) {
            throw new IllegalStateException("calendly.webhook.secret is not set");
        }
        String current = keys.stream().filter(StoredSigningKey::current).findFirst()
                .map(k -> Objects.requireNonNullElse(k.signingKey(), configured)).orElse(configured);
        SignatureVerifier.Builder builder = SignatureVerifier.builder().secret(current)
                .tolerance(settings.tolerance()).clock(clock);
        settings.previousSecrets().forEach(p -> builder.previousSecret(p.secret(), p.expiresAt()));
        for (StoredSigningKey key : keys) {
            if (!key.current()) {
                Instant expires = Objects.requireNonNullElse(key.expiresAt(), Instant.MAX);
                builder.previousSecret(Objects.requireNonNullElse(key.signingKey(), configured), expires);
            }
        }
        return new Prepared(builder.build(), current);
    }

    @Override
    public String toString() {
        return "RotatingSigningKeys[" + prepared.verifier() + "]";
    }
}
