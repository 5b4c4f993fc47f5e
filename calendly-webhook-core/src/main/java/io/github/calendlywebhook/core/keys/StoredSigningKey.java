package io.github.calendlywebhook.core.keys;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One stored signing key. {@link #toString()} never shows the key.
 *
 * @param id the row id
 * @param signingKey the key, or {@code null} for the configured secret
 * @param role whether it signs the subscription in use
 * @param subscriptionUris the subscriptions signed with it
 * @param expiresAt when a previous key stops being accepted; {@code null} while its subscriptions exist
 */
public record StoredSigningKey(long id, @Nullable String signingKey, Role role, Set<String> subscriptionUris,
        @Nullable Instant expiresAt) {

    /** Whether a key signs the subscription in use or an older one. */
    public enum Role {
        /** Signs the subscription in use; at most one key has it. */
        CURRENT,
        /** Signed a former subscription; accepted until its subscriptions are gone and it expires. */
        PREVIOUS;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Copies the subscription URIs.
     *
     * @throws NullPointerException when the role or the URIs are missing
     */
    public StoredSigningKey {
        java.util.Objects.requireNonNull(role, "role");
        subscriptionUris = Set.copyOf(subscriptionUris);
    }

    /**
     * Returns whether this is the current key.
     *
     * @return {@code true} for the current key
     */
    public boolean current() {
        return role == Role.CURRENT;
    }

    @Override
    public String toString() {
        return "StoredSigningKey[id=" + id + ", role=" + role.column() + ", subscriptions=" + subscriptionUris + "]";
    }
}
