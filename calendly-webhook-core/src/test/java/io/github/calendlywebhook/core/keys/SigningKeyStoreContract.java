package io.github.calendlywebhook.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.core.signature.SignatureVerificationException;
import io.github.calendlywebhook.core.signature.WebhookSigner;
import io.github.calendlywebhook.core.store.JdbcSchema;
import io.github.calendlywebhook.test.MutableClock;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The JDBC signing-key store, the same on every database it supports: encryption at rest and rotation. */
abstract class SigningKeyStoreContract {

    static final String KEY_A = "0123456789abcdef0123456789abcdef-passphrase-a";
    static final String KEY_B = "fedcba9876543210fedcba9876543210-passphrase-b";
    static final String SETTING = "APP_ENCRYPTION_KEY";
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final byte[] BODY = "{\"event\":\"invitee.created\"}".getBytes(StandardCharsets.UTF_8);

    /** Returns an empty database. */
    abstract DataSource emptyDatabase();

    private @Nullable DataSource dataSource;

    private JdbcSigningKeyStore store(@Nullable SecretCipher cipher) {
        return JdbcSigningKeyStore.builder(database()).cipher(cipher).encryptionKeySetting(SETTING).build();
    }

    private DataSource database() {
        if (dataSource == null) {
            dataSource = emptyDatabase();
            JdbcSchema.create(dataSource);
        }
        return dataSource;
    }

    private List<String> storedColumn() throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database().getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT signing_key FROM calendly_signing_key WHERE signing_key IS NOT NULL")) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static RotatingSigningKeys keys(JdbcSigningKeyStore store, MutableClock clock) {
        return RotatingSigningKeys.load(WebhookSettings.builder().secret("configured-secret").build(), store, clock);
    }

    private static void assertAccepted(RotatingSigningKeys keys, String secret, MutableClock clock) {
        String header = new WebhookSigner(secret, clock).sign(BODY);
        assertThatCode(() -> keys.verifier().verify(header, BODY)).doesNotThrowAnyException();
    }

    private static void assertRefused(RotatingSigningKeys keys, String secret, MutableClock clock) {
        String header = new WebhookSigner(secret, clock).sign(BODY);
        assertThatThrownBy(() -> keys.verifier().verify(header, BODY))
                .isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void withAnEncryptionKeyNewKeysAreStoredEncryptedAndReadBack() throws SQLException {
        JdbcSigningKeyStore keys = store(SecretCipher.of(KEY_A));

        keys.install("whsec-new-key-1", "sub-1", Set.of(), NOW, NOW);

        assertThat(storedColumn()).singleElement().asString().startsWith(SecretCipher.PREFIX)
                .doesNotContain("whsec-new-key-1");
        assertThat(keys.all()).extracting(StoredSigningKey::signingKey).contains("whsec-new-key-1");
    }

    @Test
    void keysStoredInTheClearEarlierAreReadAndEncryptedAtTheNextStart() throws SQLException {
        store(null).install("whsec-old-clear", "sub-1", Set.of(), NOW, NOW);
        JdbcSigningKeyStore encrypted = store(SecretCipher.of(KEY_A));
        assertThat(encrypted.all()).extracting(StoredSigningKey::signingKey).contains("whsec-old-clear");

        int migrated = encrypted.protectAtRest();

        assertThat(migrated).isEqualTo(1);
        assertThat(storedColumn()).singleElement().asString().startsWith(SecretCipher.PREFIX);
        assertThat(encrypted.all()).extracting(StoredSigningKey::signingKey).contains("whsec-old-clear");
        assertThat(encrypted.protectAtRest()).isZero();
    }

    @Test
    void aWrongKeyFailsTheStartWithAMessageNamingTheSettingAndNoKey() {
        store(SecretCipher.of(KEY_A)).install("whsec-key", "sub-1", Set.of(), NOW, NOW);
        JdbcSigningKeyStore wrong = store(SecretCipher.of(KEY_B));

        assertThatThrownBy(wrong::protectAtRest).isInstanceOf(SigningKeyEncryptionException.class)
                .hasMessageContaining(SETTING).hasMessageNotContaining(KEY_A)
                .hasMessageNotContaining(KEY_B).hasMessageNotContaining("whsec-key");
    }

    @Test
    void encryptedKeysWithoutAnEncryptionKeyFailTheStart() {
        store(SecretCipher.of(KEY_A)).install("whsec-key", "sub-1", Set.of(), NOW, NOW);

        assertThatThrownBy(store(null)::protectAtRest).isInstanceOf(SigningKeyEncryptionException.class)
                .hasMessageContaining(SETTING + " is not set");
    }

    @Test
    void withoutAnEncryptionKeyKeysStayInTheClear() throws SQLException {
        JdbcSigningKeyStore clear = store(null);

        clear.install("whsec-clear", "sub-1", Set.of(), NOW, NOW);

        assertThat(clear.protectAtRest()).isZero();
        assertThat(storedColumn()).containsExactly("whsec-clear");
    }

    @Test
    void aRotationMakesTheNewKeyCurrentAndKeepsTheFormerOneForTheSubscriptionsStillUsingIt() {
        JdbcSigningKeyStore keys = store(SecretCipher.of(KEY_A));
        keys.install("whsec-first", "sub-1", Set.of(), NOW, NOW);

        keys.install("whsec-second", "sub-2", Set.of("sub-1"), NOW.plusSeconds(60), NOW);

        assertThat(keys.all()).extracting(StoredSigningKey::signingKey, StoredSigningKey::role,
                StoredSigningKey::subscriptionUris, StoredSigningKey::expiresAt).containsExactly(
                        tuple("whsec-second", StoredSigningKey.Role.CURRENT,
                                Set.of("sub-2"), null),
                        tuple("whsec-first", StoredSigningKey.Role.PREVIOUS,
                                Set.of("sub-1"), null),
                        tuple(null, StoredSigningKey.Role.PREVIOUS, Set.of(), NOW));
    }

    @Test
    void theFirstStoredKeyKeepsTheConfiguredSecretAsAPreviousKeyUntilItExpires() {
        JdbcSigningKeyStore store = store(null);
        MutableClock clock = MutableClock.at(NOW);

        store.install("whsec-stored", "sub-2", Set.of(), NOW.plus(Duration.ofHours(1)), NOW);
        RotatingSigningKeys keys = keys(store, clock);

        assertThat(keys.currentSecret()).isEqualTo("whsec-stored");
        assertAccepted(keys, "whsec-stored", clock);
        assertAccepted(keys, "configured-secret", clock);
        clock.advance(Duration.ofHours(2));
        assertRefused(keys, "configured-secret", clock);
    }

    @Test
    void aPreviousKeyWhoseSubscriptionsAreGoneExpiresAndIsDeletedAfterItsGracePeriod() {
        JdbcSigningKeyStore store = store(SecretCipher.of(KEY_A));
        MutableClock clock = MutableClock.at(NOW);
        store.install("whsec-first", "sub-1", Set.of(), NOW, NOW);
        store.install("whsec-second", "sub-2", Set.of("sub-1"), NOW, NOW);
        RotatingSigningKeys keys = keys(store, clock);
        StoredSigningKey previous = store.all().get(1);
        assertAccepted(keys, "whsec-first", clock);

        store.expire(previous.id(), NOW.plus(Duration.ofMinutes(10)));
        clock.advance(Duration.ofMinutes(11));
        int deleted = store.deleteExpired(clock.instant());
        keys.reload();

        assertThat(deleted).as("the first key and the configured secret it replaced").isEqualTo(2);
        assertThat(store.all()).extracting(StoredSigningKey::signingKey).containsExactly("whsec-second");
        assertRefused(keys, "whsec-first", clock);
        assertAccepted(keys, "whsec-second", clock);
    }

    @Test
    void theConfiguredSecretIsAdoptedOnlyWhileNoCurrentKeyIsStored() {
        JdbcSigningKeyStore store = store(null);

        store.adoptConfigured("sub-1", NOW);
        store.adoptConfigured("sub-2", NOW);

        assertThat(store.all()).singleElement().satisfies(key -> {
            assertThat(key.signingKey()).isNull();
            assertThat(key.current()).isTrue();
            assertThat(key.subscriptionUris()).containsExactly("sub-1");
            assertThat(key.toString()).doesNotContain("null");
        });
    }

    @Test
    void aStoredKeyNeverAppearsInToString() {
        JdbcSigningKeyStore store = store(SecretCipher.of(KEY_A));
        store.install("whsec-secret-value", "sub-1", Set.of(), NOW, NOW);

        assertThat(store.all()).isNotEmpty()
                .allSatisfy(key -> assertThat(key.toString()).doesNotContain("whsec-secret-value"));
        assertThat(keys(store, MutableClock.at(NOW)).toString()).doesNotContain("whsec-secret-value");
    }
}
