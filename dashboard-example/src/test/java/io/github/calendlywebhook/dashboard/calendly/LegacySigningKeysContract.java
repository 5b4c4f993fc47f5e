package io.github.calendlywebhook.dashboard.calendly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.calendlywebhook.core.keys.JdbcSigningKeyStore;
import io.github.calendlywebhook.core.keys.SecretCipher;
import io.github.calendlywebhook.core.keys.StoredSigningKey;
import io.github.calendlywebhook.core.store.JdbcSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Keys of the dashboard's old table move into core's signing-key store, the same on every database. */
abstract class LegacySigningKeysContract {

    private static final String PASSPHRASE = "0123456789abcdef0123456789abcdef-legacy";
    private static final Instant CREATED = Instant.parse("2026-11-01T08:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2026-12-24T08:00:00Z");

    /** Returns an empty database. */
    abstract DataSource emptyDatabase();

    /** Returns the Flyway vendor folder of the database. */
    abstract String vendor();

    private DataSource dataSource;
    private JdbcTemplate jdbc;
    private TransactionTemplate transactions;

    @BeforeEach
    void databaseOfAnEarlierVersion() throws IOException {
        dataSource = emptyDatabase();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        JdbcSchema.create(dataSource);
        try (InputStream in = getClass().getResourceAsStream(
                "/db/dashboard/" + vendor() + "/V1100__dashboard_signing_keys.sql")) {
            jdbc.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private void storeOld(String key, String role, String uris, Instant expiresAt) {
        jdbc.update("INSERT INTO dashboard_signing_key (signing_key, key_role, subscription_uris, expires_at,"
                + " created_at) VALUES (?, ?, ?, ?, ?)", key, role, uris,
                expiresAt == null ? null : Timestamp.from(expiresAt), Timestamp.from(CREATED));
    }

    @Test
    void theOldKeysMoveWithTheirRolesSubscriptionsAndExpiriesAndStayEncrypted() {
        SecretCipher cipher = SecretCipher.of(PASSPHRASE);
        storeOld(cipher.encrypt("whsec-oldest"), "previous", "", EXPIRES);
        storeOld(cipher.encrypt("whsec-older"), "previous", "sub-1 sub-2", null);
        storeOld(cipher.encrypt("whsec-current"), "current", "sub-3", null);

        int moved = LegacySigningKeys.move(jdbc, transactions);

        assertThat(moved).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dashboard_signing_key", Integer.class)).isZero();
        assertThat(JdbcSigningKeyStore.builder(dataSource).cipher(cipher).build().all())
                .extracting(StoredSigningKey::signingKey, StoredSigningKey::current, StoredSigningKey::subscriptionUris,
                        StoredSigningKey::expiresAt)
                .containsExactly(
                        tuple("whsec-current", true, Set.of("sub-3"), null),
                        tuple("whsec-older", false, Set.of("sub-1", "sub-2"), null),
                        tuple("whsec-oldest", false, Set.of(), EXPIRES));
    }

    @Test
    void aSecondStartMovesNothingAgain() {
        storeOld("whsec-clear", "current", "sub-1", null);
        LegacySigningKeys.move(jdbc, transactions);

        int movedAgain = LegacySigningKeys.move(jdbc, transactions);

        assertThat(movedAgain).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM calendly_signing_key", Integer.class)).isEqualTo(1);
    }
}
