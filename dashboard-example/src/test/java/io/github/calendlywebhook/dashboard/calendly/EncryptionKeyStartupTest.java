package io.github.calendlywebhook.dashboard.calendly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.calendlywebhook.dashboard.DashboardApplication;
import io.github.calendlywebhook.core.keys.JdbcSigningKeyStore;
import io.github.calendlywebhook.core.keys.RotatingSigningKeys;
import io.github.calendlywebhook.core.keys.SecretCipher;
import io.github.calendlywebhook.core.keys.SigningKeyEncryptionException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The dashboard's start with {@code DASHBOARD_ENCRYPTION_KEY}: right key, wrong key, none. */
@ExtendWith(OutputCaptureExtension.class)
class EncryptionKeyStartupTest {

    private static final String RIGHT = "right-encryption-passphrase-7d2c9a";
    private static final String WRONG = "wrong-encryption-passphrase-0b41f3";

    private final String database = "jdbc:h2:mem:encryption-start-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    private ConfigurableApplicationContext start(String... more) {
        String[] args = new String[more.length + 4];
        args[0] = "--spring.datasource.url=" + database;
        args[1] = "--server.port=0";
        args[2] = "--calendly.webhook.secret=encryption-start-secret";
        args[3] = "--dashboard.admin-password=encryption-start-password";
        System.arraycopy(more, 0, args, 4, more.length);
        return new SpringApplicationBuilder(DashboardApplication.class).run(args);
    }

    /** Stores a key the way earlier versions did: in the dashboard's own table, moved to core's at the next start. */
    private void storeKeyEncryptedWith(String material) {
        try (ConfigurableApplicationContext context = start("--dashboard.calendly.encryption-key=" + material)) {
            context.getBean(JdbcTemplate.class).update("INSERT INTO dashboard_signing_key (signing_key, key_role,"
                    + " subscription_uris, created_at) VALUES (?, 'current', 'sub-1', ?)",
                    SecretCipher.of(material).encrypt("whsec-stored-key"), Timestamp.from(Instant.now()));
        }
    }

    @Test
    void aWrongKeyRefusesTheStartNamingTheSettingWithoutAStackTraceOrAKey(CapturedOutput output) {
        storeKeyEncryptedWith(RIGHT);
        int before = output.getAll().length();

        assertThatThrownBy(() -> start("--dashboard.calendly.encryption-key=" + WRONG))
                .hasRootCauseInstanceOf(SigningKeyEncryptionException.class);

        String log = output.getAll().substring(before);
        assertThat(log).contains("APPLICATION FAILED TO START").contains("DASHBOARD_ENCRYPTION_KEY")
                .doesNotContain(WRONG).doesNotContain(RIGHT).doesNotContain("whsec-stored-key")
                .doesNotContainPattern("(?m)^\\s+at [A-Za-z_$][\\w.$]*\\(");
    }

    @Test
    void theRightKeyStartsAndReadsTheStoredKey() {
        storeKeyEncryptedWith(RIGHT);

        try (ConfigurableApplicationContext context = start("--dashboard.calendly.encryption-key=" + RIGHT)) {
            assertThat(context.getBean(RotatingSigningKeys.class).currentSecret()).isEqualTo("whsec-stored-key");
        }
    }

    @Test
    void withoutAKeyTheStartupLogSaysKeysAreStoredInTheClear(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.isActive()).isTrue();
            assertThat(output.getAll()).contains("stored in the clear: set DASHBOARD_ENCRYPTION_KEY");
        }
    }

    @Test
    void theRefusalIsExplainedWithWhatToDo() {
        FailureAnalysis analysis = new EncryptionKeyFailureAnalyzer().analyze(
                new SigningKeyEncryptionException("the stored webhook signing keys do not decrypt with DASHBOARD_ENCRYPTION_KEY"));

        assertThat(analysis.getDescription()).contains("DASHBOARD_ENCRYPTION_KEY");
        assertThat(analysis.getAction()).contains("Register webhook");
    }

    @Test
    void keysOfTheDashboardsOldTableMoveIntoTheSigningKeyStoreOnceAtTheNextStart() {
        storeKeyEncryptedWith(RIGHT);

        try (ConfigurableApplicationContext context = start("--dashboard.calendly.encryption-key=" + RIGHT)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dashboard_signing_key", Integer.class)).isZero();
            assertThat(jdbc.queryForList("SELECT signing_key FROM calendly_signing_key", String.class))
                    .singleElement().asString().startsWith(SecretCipher.PREFIX);
        }
        try (ConfigurableApplicationContext context = start("--dashboard.calendly.encryption-key=" + RIGHT)) {
            assertThat(context.getBean(JdbcSigningKeyStore.class).all()).singleElement()
                    .satisfies(key -> assertThat(key.signingKey()).isEqualTo("whsec-stored-key"));
        }
    }
}
