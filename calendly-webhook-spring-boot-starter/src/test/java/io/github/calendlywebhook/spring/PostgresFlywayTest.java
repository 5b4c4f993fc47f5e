package io.github.calendlywebhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.pipeline.WebhookResponse;
import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.testing.EmbeddedPostgresServer;
import io.github.calendlywebhook.test.SignedPayloads;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

class PostgresFlywayTest {

    private static EmbeddedPostgresServer postgres;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BootLine.FLYWAY,
                    CalendlyWebhookAutoConfiguration.class))
            .withPropertyValues("calendly.webhook.secret=" + Deliveries.SECRET);

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedPostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Test
    void storeWhenApplicationUsesFlywayOnPostgresqlShouldMigrateThePostgresqlScript() {
        DataSource database = postgres.newDatabase();
        runner.withBean(DataSource.class, () -> database).run(context -> {
            assertThat(context).hasNotFailed().getBean(EventStore.class)
                    .extracting(bean -> bean.getClass().getSimpleName()).isEqualTo("JdbcEventStore");
            JdbcTemplate jdbc = new JdbcTemplate(database);
            assertThat(jdbc.queryForObject("select script from calendly_schema_history where version = '1'",
                    String.class)).isEqualTo("V1__calendly_webhook.sql");
            assertThat(jdbc.queryForObject("select data_type from information_schema.columns where "
                    + "table_name = 'calendly_event' and column_name = 'body'", String.class)).isEqualTo("bytea");

            WebhookResponse response = context.getBean(WebhookProcessor.class)
                    .process(Deliveries.signed(SignedPayloads.inviteeCreated()));
            assertThat(response.status()).isEqualTo(200);
        });
    }
}
