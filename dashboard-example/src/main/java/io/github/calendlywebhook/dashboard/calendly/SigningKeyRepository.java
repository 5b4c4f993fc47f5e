package io.github.calendlywebhook.dashboard.calendly;

import io.github.calendlywebhook.dashboard.crypto.SecretCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores the webhook signing keys in the dashboard's database ({@code dashboard_signing_key}), encrypted
 * with AES-GCM when a {@link SecretCipher} is given ({@code DASHBOARD_ENCRYPTION_KEY}), in the clear
 * otherwise. Keys stored in the clear earlier are read as they are and encrypted by {@link #protectAtRest()}.
 */
class SigningKeyRepository {

    static final String CURRENT = "current";
    static final String PREVIOUS = "previous";

    /**
     * One stored key. {@link #toString()} never shows the key.
     *
     * @param id the row id
     * @param signingKey the key, or {@code null} for the configured secret
     * @param role {@link #CURRENT} or {@link #PREVIOUS}
     * @param subscriptionUris the subscriptions signed with it
     * @param expiresAt when a previous key stops being accepted; {@code null} while its subscriptions exist
     */
    record StoredKey(long id, @Nullable String signingKey, String role, Set<String> subscriptionUris,
            @Nullable Instant expiresAt) {

        StoredKey {
            subscriptionUris = Set.copyOf(subscriptionUris);
        }

        @Override
        public String toString() {
            return "StoredKey[id=" + id + ", role=" + role + ", subscriptions=" + subscriptionUris + "]";
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final @Nullable SecretCipher cipher;

    SigningKeyRepository(JdbcTemplate jdbc, TransactionTemplate transactions, @Nullable SecretCipher cipher) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.cipher = cipher;
    }

    /** Returns whether keys are encrypted at rest. */
    boolean encrypted() {
        return cipher != null;
    }

    /**
     * Checks that every encrypted key opens with the configured key and encrypts the keys stored in the
     * clear; run once at startup.
     *
     * @return how many keys were encrypted now
     * @throws EncryptionKeyException when a key does not open, or keys are encrypted but no key is configured
     */
    int protectAtRest() {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT id, signing_key FROM dashboard_signing_key WHERE signing_key IS NOT NULL");
        int encryptedNow = 0;
        for (Map<String, Object> row : rows) {
            String stored = (String) row.get("signing_key");
            if (SecretCipher.isEncrypted(stored)) {
                reveal(stored);
            } else if (cipher != null) {
                jdbc.update("UPDATE dashboard_signing_key SET signing_key = ? WHERE id = ? AND signing_key = ?",
                        cipher.encrypt(stored), row.get("id"), stored);
                encryptedNow++;
            }
        }
        return encryptedNow;
    }

    /** Returns every stored key, the current one first. */
    List<StoredKey> all() {
        return jdbc.query("SELECT id, signing_key, key_role, subscription_uris, expires_at FROM dashboard_signing_key"
                + " ORDER BY CASE WHEN key_role = 'current' THEN 0 ELSE 1 END, id DESC", this::row);
    }

    /**
     * Makes a key the current one; the former current key (or the configured secret when there was none)
     * becomes a previous key for the subscriptions that still use it.
     *
     * @param key the new key
     * @param subscriptionUri the subscription it signs
     * @param stillUsingOld subscriptions still signed with the former key
     * @param oldExpiresAt when the former key stops being accepted if no subscription uses it any more
     */
    void install(String key, String subscriptionUri, Set<String> stillUsingOld, Instant oldExpiresAt, Instant now) {
        transactions.executeWithoutResult(status -> {
            @Nullable Instant expires = stillUsingOld.isEmpty() ? oldExpiresAt : null;
            int demoted = jdbc.update("UPDATE dashboard_signing_key SET key_role = 'previous', subscription_uris = ?,"
                    + " expires_at = ? WHERE key_role = 'current'", join(stillUsingOld), timestamp(expires));
            if (demoted == 0) {
                insert(null, PREVIOUS, stillUsingOld, expires, now);
            }
            insert(key, CURRENT, Set.of(subscriptionUri), null, now);
        });
    }

    /**
     * Records that the configured secret signs an existing subscription, when no key is stored yet.
     *
     * @param subscriptionUri the subscription
     */
    void adoptConfigured(String subscriptionUri, Instant now) {
        transactions.executeWithoutResult(status -> {
            Integer current = jdbc.queryForObject("SELECT COUNT(*) FROM dashboard_signing_key WHERE key_role = 'current'",
                    Integer.class);
            if (current == null || current == 0) {
                insert(null, CURRENT, Set.of(subscriptionUri), null, now);
            }
        });
    }

    /** Starts the grace period of a previous key whose subscriptions are gone. */
    void expire(long id, Instant expiresAt) {
        jdbc.update("UPDATE dashboard_signing_key SET expires_at = ?, subscription_uris = '' WHERE id = ?"
                + " AND key_role = 'previous' AND expires_at IS NULL", timestamp(expiresAt), id);
    }

    /** Deletes previous keys that are no longer accepted. */
    int deleteExpired(Instant now) {
        return jdbc.update("DELETE FROM dashboard_signing_key WHERE key_role = 'previous' AND expires_at <= ?",
                timestamp(now));
    }

    private void insert(@Nullable String key, String role, Set<String> uris, @Nullable Instant expires, Instant now) {
        String stored = key == null || cipher == null ? key : cipher.encrypt(key);
        jdbc.update("INSERT INTO dashboard_signing_key (signing_key, key_role, subscription_uris, expires_at, created_at)"
                + " VALUES (?, ?, ?, ?, ?)", stored, role, join(uris), timestamp(expires), timestamp(now));
    }

    private @Nullable String reveal(@Nullable String stored) {
        if (stored == null || !SecretCipher.isEncrypted(stored)) {
            return stored;
        }
        if (cipher == null) {
            throw new EncryptionKeyException("the stored webhook signing keys are encrypted but"
                    + " DASHBOARD_ENCRYPTION_KEY is not set");
        }
        try {
            return cipher.decrypt(stored);
        } catch (SecretCipher.WrongKeyException e) {
            throw new EncryptionKeyException("the stored webhook signing keys do not decrypt with"
                    + " DASHBOARD_ENCRYPTION_KEY: it is not the key they were encrypted with");
        }
    }

    private static String join(Set<String> uris) {
        return uris.stream().sorted().collect(Collectors.joining(" "));
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private StoredKey row(ResultSet rs, int rowNum) throws SQLException {
        String uris = rs.getString("subscription_uris");
        Timestamp expires = rs.getTimestamp("expires_at");
        return new StoredKey(rs.getLong("id"), reveal(rs.getString("signing_key")), rs.getString("key_role"),
                uris == null || uris.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(uris.trim().split(" "))),
                expires == null ? null : expires.toInstant());
    }
}
