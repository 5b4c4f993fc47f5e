package io.github.calendlywebhook.core.keys;

import io.github.calendlywebhook.core.keys.StoredSigningKey.Role;
import io.github.calendlywebhook.core.store.internal.JdbcValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Stores the webhook signing keys that registering or rotating a subscription through the Calendly API
 * creates ({@code calendly_signing_key}, installed by {@code JdbcSchema} or Flyway from
 * {@code db/calendly/<vendor>}). Calendly never shows a key again, so it is kept here: encrypted with
 * AES-GCM when a {@link SecretCipher} is given, in the clear otherwise. Keys stored in the clear earlier are
 * read as they are and encrypted by {@link #protectAtRest()}. Thread-safe; H2 and PostgreSQL.
 */
public final class JdbcSigningKeyStore {

    private static final String COLUMNS = "id, signing_key, key_role, subscription_uris, expires_at";

    private final KeyTable table;
    private final @Nullable SecretCipher cipher;
    private final String setting;

    private JdbcSigningKeyStore(Builder builder) {
        this.table = new KeyTable(builder.dataSource);
        this.cipher = builder.cipher;
        this.setting = builder.setting;
    }

    /**
     * Starts a store on a data source whose Calendly tables are installed.
     *
     * @param dataSource an H2 or PostgreSQL data source
     * @return the builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * Returns whether keys are encrypted at rest.
     *
     * @return {@code true} with a cipher
     */
    public boolean encrypted() {
        return cipher != null;
    }

    /**
     * Checks that every encrypted key opens with the configured cipher and encrypts the keys stored in the
     * clear; run once at startup.
     *
     * @return how many keys were encrypted now
     * @throws SigningKeyEncryptionException when a key does not open, or keys are encrypted but no cipher is set
     */
    public int protectAtRest() {
        return table.inTransaction("protect the signing keys", connection -> {
            int encryptedNow = 0;
            for (StoredSigningKey key : read(connection, false)) {
                String stored = key.signingKey();
                if (stored == null) {
                    continue;
                }
                if (SecretCipher.isEncrypted(stored)) {
                    reveal(stored);
                } else if (cipher != null) {
                    try (PreparedStatement update = connection.prepareStatement(
                            "UPDATE calendly_signing_key SET signing_key = ? WHERE id = ? AND signing_key = ?")) {
                        update.setString(1, cipher.encrypt(stored));
                        update.setLong(2, key.id());
                        update.setString(3, stored);
                        encryptedNow += update.executeUpdate();
                    }
                }
            }
            return encryptedNow;
        });
    }

    /**
     * Returns every stored key, the current one first, then the previous keys newest first.
     *
     * @return the keys, decrypted
     * @throws SigningKeyEncryptionException when a key does not open
     */
    public List<StoredSigningKey> all() {
        return table.read("read the signing keys", connection -> read(connection, true));
    }

    /**
     * Makes a key the current one; the former current key (or the configured secret when there was none)
     * becomes a previous key for the subscriptions that still use it.
     *
     * @param key the new key, as Calendly returned it
     * @param subscriptionUri the subscription it signs
     * @param stillUsingOld subscriptions still signed with the former key
     * @param oldExpiresAt when the former key stops being accepted if no subscription uses it any more
     * @param now the time of the change
     */
    public void install(String key, String subscriptionUri, Set<String> stillUsingOld, Instant oldExpiresAt,
            Instant now) {
        Objects.requireNonNull(key, "key");
        table.inTransaction("store a signing key", connection -> {
            @Nullable Instant expires = stillUsingOld.isEmpty() ? oldExpiresAt : null;
            int demoted;
            try (PreparedStatement demote = connection.prepareStatement("UPDATE calendly_signing_key SET"
                    + " key_role = 'previous', subscription_uris = ?, expires_at = ? WHERE key_role = 'current'")) {
                demote.setString(1, KeyTable.join(stillUsingOld));
                JdbcValues.setInstant(demote, 2, expires);
                demoted = demote.executeUpdate();
            }
            if (demoted == 0) {
                insert(connection, null, Role.PREVIOUS, stillUsingOld, expires, now);
            }
            insert(connection, key, Role.CURRENT, Set.of(subscriptionUri), null, now);
            return demoted;
        });
    }

    /**
     * Records that the configured secret signs an existing subscription, when no current key is stored yet.
     *
     * @param subscriptionUri the subscription
     * @param now the time of the change
     */
    public void adoptConfigured(String subscriptionUri, Instant now) {
        table.inTransaction("adopt the configured secret", connection -> {
            boolean hasCurrent;
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT COUNT(*) FROM calendly_signing_key WHERE key_role = 'current'");
                    ResultSet rows = count.executeQuery()) {
                hasCurrent = rows.next() && rows.getInt(1) > 0;
            }
            if (!hasCurrent) {
                insert(connection, null, Role.CURRENT, Set.of(subscriptionUri), null, now);
            }
            return hasCurrent;
        });
    }

    /**
     * Starts the grace period of a previous key whose subscriptions are gone.
     *
     * @param id the key's row id
     * @param expiresAt when it stops being accepted
     */
    public void expire(long id, Instant expiresAt) {
        table.read("expire a signing key", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE calendly_signing_key SET"
                    + " expires_at = ?, subscription_uris = '' WHERE id = ? AND key_role = 'previous'"
                    + " AND expires_at IS NULL")) {
                JdbcValues.setInstant(update, 1, expiresAt);
                update.setLong(2, id);
                return update.executeUpdate();
            }
        });
    }

    /**
     * Deletes the previous keys that are no longer accepted.
     *
     * @param now the current time
     * @return how many were deleted
     */
    public int deleteExpired(Instant now) {
        return table.read("delete expired signing keys", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM calendly_signing_key WHERE key_role = 'previous' AND expires_at <= ?")) {
                JdbcValues.setInstant(delete, 1, now);
                return delete.executeUpdate();
            }
        });
    }

    private List<StoredSigningKey> read(Connection connection, boolean decrypt) throws SQLException {
        List<StoredSigningKey> keys = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM calendly_signing_key"
                + " ORDER BY CASE WHEN key_role = 'current' THEN 0 ELSE 1 END, id DESC");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String stored = rows.getString("signing_key");
                keys.add(new StoredSigningKey(rows.getLong("id"), decrypt ? reveal(stored) : stored,
                        Role.CURRENT.column().equals(rows.getString("key_role")) ? Role.CURRENT : Role.PREVIOUS,
                        KeyTable.split(rows.getString("subscription_uris")), JdbcValues.instant(rows, "expires_at")));
            }
        }
        return keys;
    }

    private void insert(Connection connection, @Nullable String key, Role role, Set<String> uris,
            @Nullable Instant expires, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO calendly_signing_key"
                + " (signing_key, key_role, subscription_uris, expires_at, created_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, key == null || cipher == null ? key : cipher.encrypt(key));
            insert.setString(2, role.column());
            insert.setString(3, KeyTable.join(uris));
            JdbcValues.setInstant(insert, 4, expires);
            JdbcValues.setInstant(insert, 5, now);
            insert.executeUpdate();
        }
    }

    private @Nullable String reveal(@Nullable String stored) {
        if (stored == null || !SecretCipher.isEncrypted(stored)) {
            return stored;
        }
        SecretCipher configured = cipher;
        if (configured == null) {
            throw new SigningKeyEncryptionException("the stored webhook signing keys are encrypted but " + setting
                    + " is not set");
        }
        try {
            return configured.decrypt(stored);
        } catch (SecretCipher.WrongKeyException e) {
            throw new SigningKeyEncryptionException("the stored webhook signing keys do not decrypt with " + setting
                    + ": it is not the key they were encrypted with");
        }
    }

    @Override
    public String toString() {
        return "JdbcSigningKeyStore[" + (cipher == null ? "clear" : "encrypted") + "]";
    }

    /** Configures a {@link JdbcSigningKeyStore}. */
    public static final class Builder {

        private final DataSource dataSource;
        private @Nullable SecretCipher cipher;
        private String setting = "the encryption key";

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /**
         * Encrypts the keys at rest with a cipher; without one they are stored in the clear.
         *
         * @param cipher the cipher, or {@code null} for none
         * @return this builder
         */
        public Builder cipher(@Nullable SecretCipher cipher) {
            this.cipher = cipher;
            return this;
        }

        /**
         * Names the setting the cipher's key comes from, for the messages of a key that does not open.
         *
         * @param name the setting, for example an environment variable's name
         * @return this builder
         * @throws IllegalArgumentException when the name is blank
         */
        public Builder encryptionKeySetting(String name) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("the encryption key setting's name must not be blank");
            }
            this.setting = name;
            return this;
        }

        /**
         * Builds the store.
         *
         * @return the store
         */
        public JdbcSigningKeyStore build() {
            return new JdbcSigningKeyStore(this);
        }
    }
}
