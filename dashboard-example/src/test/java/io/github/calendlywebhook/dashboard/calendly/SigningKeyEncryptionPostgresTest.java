package io.github.calendlywebhook.dashboard.calendly;

import io.github.calendlywebhook.core.testing.EmbeddedPostgresServer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Signing keys at rest on a real (embedded) PostgreSQL. */
class SigningKeyEncryptionPostgresTest extends SigningKeyEncryptionContract {

    private static EmbeddedPostgresServer postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedPostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Override
    DataSource emptyDatabase() {
        return postgres.newDatabase();
    }

    @Override
    String vendor() {
        return "postgresql";
    }
}
