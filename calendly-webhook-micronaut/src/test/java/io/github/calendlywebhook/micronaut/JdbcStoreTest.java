package io.github.calendlywebhook.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.audit.AuditLog;
import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.pipeline.WebhookRequest;
import io.github.calendlywebhook.core.pipeline.WebhookResponse;
import io.github.calendlywebhook.core.signature.SignatureVerifier;
import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.JdbcSchema;
import io.github.calendlywebhook.core.store.ProjectingEventStore;
import io.github.calendlywebhook.test.SignedPayloads;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class JdbcStoreTest {

    private static final String SECRET = "jdbc-test-secret-0123456789";
    private static final String SPEC = "jdbc-store";
    /** The spec name of a context whose data source points at a database that is down. */
    static final String DOWN = SPEC + "-down";

    private static ApplicationContext run() {
        return ApplicationContext.run(Map.of("calendly.webhook.secret", SECRET, "spec.name", SPEC));
    }

    private static WebhookResponse deliver(ApplicationContext context, byte[] body) {
        Map<String, List<String>> headers = Map.of("Content-Type", List.of("application/json"),
                SignatureVerifier.HEADER, List.of(SignedPayloads.sign(SECRET, body, Instant.now())));
        return context.getBean(WebhookProcessor.class).process(WebhookRequest.post(headers, "127.0.0.1", body));
    }

    @Test
    void dataSourceBeanShouldSelectTheJdbcStoreAndCreateItsTables() {
        try (ApplicationContext context = run()) {
            assertThat(context.getBean(EventStore.class))
                    .extracting(bean -> bean.getClass().getSimpleName()).isEqualTo("JdbcEventStore");
            assertThat(JdbcSchema.exists(context.getBean(DataSource.class))).isTrue();
        }
    }

    @Test
    void dataSourceBeanShouldSelectTheJdbcAuditLog() {
        try (ApplicationContext context = run()) {
            assertThat(context.getBean(AuditLog.class))
                    .extracting(bean -> bean.getClass().getSimpleName()).isEqualTo("JdbcAuditLog");
        }
    }

    @Test
    void deliveryShouldBeStoredInTheDatabaseExactlyOnce() {
        try (ApplicationContext context = run()) {
            byte[] body = SignedPayloads.inviteeCreated();

            WebhookResponse first = deliver(context, body);
            WebhookResponse second = deliver(context, body);

            assertThat(first.body()).contains("accepted");
            assertThat(second.body()).contains("duplicate");
            assertThat(((ProjectingEventStore) context.getBean(EventStore.class)).totals(false)).isNotEmpty();
        }
    }

    @Test
    void unreachableDatabaseShouldLetTheApplicationStartAndAnswer503() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("calendly.webhook.secret", SECRET,
                "spec.name", DOWN))) {
            WebhookResponse response = deliver(context, SignedPayloads.inviteeCreated());

            assertThat(response.status()).isEqualTo(503);
            assertThat(response.headers()).containsKey("Retry-After");
        }
    }

    /** A data source whose database is down: nothing listens on the port. */
    @Factory
    @Requires(property = "spec.name", value = DOWN)
    static class DownDatabase {

        @Singleton
        DataSource dataSource() {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:tcp://127.0.0.1:9/down;CONNECT_TIMEOUT=2000");
            return dataSource;
        }
    }

    /** The application's data source: an H2 in-memory database of its own per context. */
    @Factory
    @Requires(property = "spec.name", pattern = SPEC + "|" + EventListenerRetryTest.JDBC)
    static class Database {

        @Singleton
        DataSource dataSource() {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            return dataSource;
        }
    }
}
