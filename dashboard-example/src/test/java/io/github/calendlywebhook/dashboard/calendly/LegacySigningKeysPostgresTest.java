package io.github.calendlywebhook.dashboard.calendly;

import io.github.calendlywebhook.core.testing.EmbeddedPostgresServer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The move of the old signing keys on a real (embedded) PostgreSQL. */
class LegacySigningKeysPostgresTest extends LegacySigningKeysContract {

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
