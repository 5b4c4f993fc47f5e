package io.github.calendlywebhook.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.store.SchemaGate;
import io.github.calendlywebhook.core.testing.EmbeddedPostgresServer;
import io.github.calendlywebhook.test.SignedPayloads;
import io.github.calendlywebhook.spring.BootLine;
import io.github.calendlywebhook.test.SignedDelivery;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The application starts while PostgreSQL is down, answers 503 meanwhile and accepts once it is up. */
class DatabaseDownAtStartupTest {

    private static final String SECRET = "database-down-secret-0123456789";

    @Test
    void applicationShouldStartWithTheDatabaseDownAndAcceptDeliveriesOnceItIsUp() throws Exception {
        int databasePort = EmbeddedPostgresServer.freePort();
        SpringApplication application = new SpringApplication(WebhookTestApplication.class);

        try (ConfigurableApplicationContext context = application.run("--server.port=0",
                "--calendly.webhook.secret=" + SECRET, "--spring.flyway.enabled=false",
                "--spring.datasource.url=jdbc:postgresql://localhost:" + databasePort + "/postgres",
                "--spring.datasource.username=postgres", "--spring.datasource.hikari.connection-timeout=500")) {
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            URI endpoint = URI.create("http://127.0.0.1:" + port + "/api/webhooks/calendly");

            HttpResponse<String> whileDown = SignedDelivery.of(SignedPayloads.inviteeCreated()).secret(SECRET)
                    .postTo(endpoint);
            assertThat(whileDown.statusCode()).isEqualTo(503);
            assertThat(whileDown.headers().firstValue("Retry-After")).isPresent();
            assertThat(whileDown.body()).contains("\"error\":\"store_unavailable\"");
            assertThat(BootLine.health(context).status()).isEqualTo("DOWN");
            assertThat(context.getBean(SchemaGate.class).installed()).isFalse();

            try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startOn(databasePort)) {
                HttpResponse<String> onceUp = SignedDelivery.of(SignedPayloads.inviteeCreated()).secret(SECRET)
                        .postTo(endpoint);

                assertThat(onceUp.statusCode()).isEqualTo(200);
                assertThat(context.getBean(SchemaGate.class).installed()).isTrue();
                assertThat(new JdbcTemplate(postgres.dataSource())
                        .queryForObject("select count(*) from calendly_event", Integer.class)).isEqualTo(1);
                assertThat(BootLine.health(context).status()).isEqualTo("UP");
            }
        }
    }
}
