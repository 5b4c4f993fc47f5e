package io.github.calendlywebhook.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.calendlywebhook.core.testing.EmbeddedPostgresServer;
import io.github.calendlywebhook.dashboard.support.Browserless;
import io.github.calendlywebhook.dashboard.support.EventStreamReader;
import io.github.calendlywebhook.dashboard.support.Payloads;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two dashboard instances on one real PostgreSQL: they show the same numbers, and a webhook received by
 * one reaches a live stream open on the other (PostgreSQL {@code LISTEN/NOTIFY}).
 */
class MultiInstanceTest {

    private static final String SECRET = "shared-secret";

    private static EmbeddedPostgresServer postgres;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        postgres = EmbeddedPostgresServer.start();
        first = start();
        second = start();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {second, first, postgres}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(DashboardApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + postgres.jdbcUrl(), "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--calendly.webhook.secret=" + SECRET,
                "--dashboard.admin-password=shared-password", "--dashboard.public-page=true");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void aWebhookOnOneInstanceShouldReachALiveStreamOnTheOther() throws Exception {
        try (EventStreamReader stream = new EventStreamReader(
                "http://127.0.0.1:" + port(second) + "/api/stream?period=all")) {
            stream.next("\"period\":\"all\"");

            new Browserless(port(first), "203.0.113.90").postSigned(SECRET,
                    Payloads.created("multi-live", "Katherine Johnson", Instant.now()));

            assertThat(stream.next("Katherine Johnson").name()).isEqualTo("snapshot");
        }
    }

    @Test
    void bothInstancesShouldShowTheSameNumbers() throws Exception {
        new Browserless(port(first), "203.0.113.91").postSigned(SECRET,
                Payloads.created("multi-same-1", "Dorothy Vaughan", Instant.now()));
        new Browserless(port(second), "203.0.113.92").postSigned(SECRET,
                Payloads.created("multi-same-2", "Mary Jackson", Instant.now()));

        JsonNode one = numbers(first);
        JsonNode two = numbers(second);

        assertThat(one.get("newBookings").asLong()).isGreaterThanOrEqualTo(2);
        for (String field : new String[] {"bookedAppointments", "revenue", "newBookings", "cancellations", "leads"}) {
            assertThat(one.get(field)).as(field).isEqualTo(two.get(field));
        }
    }

    private static JsonNode numbers(ConfigurableApplicationContext context) throws Exception {
        return new ObjectMapper().readTree(new Browserless(port(context), "203.0.113.93")
                .get("/api/metrics?period=all").body());
    }
}
