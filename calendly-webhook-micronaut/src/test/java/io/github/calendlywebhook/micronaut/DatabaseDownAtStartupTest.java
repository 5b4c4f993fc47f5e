package io.github.calendlywebhook.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.pipeline.WebhookRequest;
import io.github.calendlywebhook.core.pipeline.WebhookResponse;
import io.github.calendlywebhook.core.signature.SignatureVerifier;
import io.github.calendlywebhook.core.store.JdbcSchema;
import io.github.calendlywebhook.core.store.SchemaGate;
import io.github.calendlywebhook.core.testing.EmbeddedPostgresServer;
import io.github.calendlywebhook.test.SignedPayloads;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The application starts while PostgreSQL is down, answers 503 meanwhile and accepts once it is up. */
class DatabaseDownAtStartupTest {

    private static final String SECRET = "database-down-secret-0123456789";
    private static final String SPEC = "database-down-at-startup";

    private static WebhookResponse deliver(ApplicationContext context) {
        byte[] body = SignedPayloads.inviteeCreated();
        Map<String, List<String>> headers = Map.of("Content-Type", List.of("application/json"),
                SignatureVerifier.HEADER, List.of(SignedPayloads.sign(SECRET, body, Instant.now())));
        return context.getBean(WebhookProcessor.class).process(WebhookRequest.post(headers, "127.0.0.1", body));
    }

    @Test
    void applicationShouldStartWithTheDatabaseDownAndAcceptDeliveriesOnceItIsUp() {
        int databasePort = EmbeddedPostgresServer.freePort();

        try (ApplicationContext context = ApplicationContext.run(Map.of("calendly.webhook.secret", SECRET,
                "spec.name", SPEC, "test.database.port", databasePort))) {
            WebhookResponse whileDown = deliver(context);
            assertThat(whileDown.status()).isEqualTo(503);
            assertThat(whileDown.headers()).containsKey("Retry-After");
            assertThat(context.getBean(SchemaGate.class).installed()).isFalse();

            try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startOn(databasePort)) {
                WebhookResponse onceUp = deliver(context);

                assertThat(onceUp.status()).isEqualTo(200);
                assertThat(context.getBean(SchemaGate.class).installed()).isTrue();
                assertThat(JdbcSchema.exists(postgres.dataSource())).isTrue();
            }
        }
    }

    /** The application's data source: PostgreSQL on a port nothing listens on until the test starts it. */
    @Factory
    @Requires(property = "spec.name", value = SPEC)
    static class Database {

        @Singleton
        DataSource dataSource(@Property(name = "test.database.port") int port) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setServerNames(new String[] {"localhost"});
            dataSource.setPortNumbers(new int[] {port});
            dataSource.setDatabaseName("postgres");
            dataSource.setUser("postgres");
            dataSource.setConnectTimeout(2);
            return dataSource;
        }
    }
}
