package io.github.calendlywebhook.core.keys;

import io.github.calendlywebhook.core.testing.EmbeddedPostgresServer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The signing-key store on a real (embedded) PostgreSQL. */
class SigningKeyStorePostgresTest extends SigningKeyStoreContract {

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
}
