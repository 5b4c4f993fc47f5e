package io.github.calendlywebhook.dashboard.calendly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.calendlywebhook.dashboard.crypto.SecretCipher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Signing keys at rest, the same on every database the dashboard supports. */
abstract class SigningKeyEncryptionContract {

    static final String KEY_A = "0123456789abcdef0123456789abcdef-passphrase-a";
    static final String KEY_B = "fedcba9876543210fedcba9876543210-passphrase-b";
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    /** Returns a database with the dashboard's signing-key table, empty. */
    abstract DataSource emptyDatabase();

    /** Returns the Flyway vendor folder of the database. */
    abstract String vendor();

    private JdbcTemplate jdbc;
    private DataSource dataSource;

    private SigningKeyRepository repository(SecretCipher cipher) {
        if (dataSource == null) {
            dataSource = emptyDatabase();
            jdbc = new JdbcTemplate(dataSource);
            jdbc.execute(migration());
        }
        return new SigningKeyRepository(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                cipher);
    }

    private String migration() {
        String path = "/db/dashboard/" + vendor() + "/V1100__dashboard_signing_keys.sql";
        try (InputStream in = SigningKeyEncryptionContract.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> storedColumn() {
        return jdbc.queryForList("SELECT signing_key FROM dashboard_signing_key WHERE signing_key IS NOT NULL",
                String.class);
    }

    @Test
    void withAnEncryptionKeyNewKeysAreStoredEncryptedAndReadBack() {
        SigningKeyRepository keys = repository(SecretCipher.of(KEY_A));

        keys.install("whsec-new-key-1", "sub-1", Set.of(), NOW, NOW);

        assertThat(storedColumn()).singleElement().asString().startsWith(SecretCipher.PREFIX)
                .doesNotContain("whsec-new-key-1");
        assertThat(keys.all()).extracting(SigningKeyRepository.StoredKey::signingKey).contains("whsec-new-key-1");
    }

    @Test
    void keysStoredInTheClearEarlierAreReadAndEncryptedAtTheNextStart() {
        repository(null).install("whsec-old-clear", "sub-1", Set.of(), NOW, NOW);
        SigningKeyRepository encrypted = repository(SecretCipher.of(KEY_A));
        assertThat(encrypted.all()).extracting(SigningKeyRepository.StoredKey::signingKey).contains("whsec-old-clear");

        int migrated = encrypted.protectAtRest();

        assertThat(migrated).isEqualTo(1);
        assertThat(storedColumn()).singleElement().asString().startsWith(SecretCipher.PREFIX);
        assertThat(encrypted.all()).extracting(SigningKeyRepository.StoredKey::signingKey).contains("whsec-old-clear");
        assertThat(encrypted.protectAtRest()).isZero();
    }

    @Test
    void aWrongKeyFailsTheStartWithAMessageNamingTheSettingAndNoKey() {
        repository(SecretCipher.of(KEY_A)).install("whsec-key", "sub-1", Set.of(), NOW, NOW);
        SigningKeyRepository wrong = repository(SecretCipher.of(KEY_B));

        assertThatThrownBy(wrong::protectAtRest).isInstanceOf(EncryptionKeyException.class)
                .hasMessageContaining("DASHBOARD_ENCRYPTION_KEY").hasMessageNotContaining(KEY_A)
                .hasMessageNotContaining(KEY_B).hasMessageNotContaining("whsec-key");
    }

    @Test
    void encryptedKeysWithoutAnEncryptionKeyFailTheStart() {
        repository(SecretCipher.of(KEY_A)).install("whsec-key", "sub-1", Set.of(), NOW, NOW);

        assertThatThrownBy(repository(null)::protectAtRest).isInstanceOf(EncryptionKeyException.class)
                .hasMessageContaining("DASHBOARD_ENCRYPTION_KEY is not set");
    }

    @Test
    void withoutAnEncryptionKeyKeysStayInTheClear() {
        SigningKeyRepository clear = repository(null);

        clear.install("whsec-clear", "sub-1", Set.of(), NOW, NOW);

        assertThat(clear.protectAtRest()).isZero();
        assertThat(storedColumn()).containsExactly("whsec-clear");
    }
}
