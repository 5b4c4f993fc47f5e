package io.github.calendlywebhook.dashboard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged dashboard configured for PostgreSQL starts while PostgreSQL is not running: deliveries get 503
 * with {@code Retry-After} and a JSON error, health is DOWN, and once PostgreSQL starts the tables are installed
 * and the same delivery is accepted, counted once however often Calendly resends it.
 */
class DatabaseDownAtStartupIT {

    @TempDir
    Path workDir;

    @Test
    void dashboardStartsWithoutItsDatabaseAndAcceptsDeliveriesOnceTheDatabaseIsReachable() throws Exception {
        try (RestartablePostgres postgres = RestartablePostgres.notStarted(workDir);
                DashboardProcess dashboard = DashboardProcess.startWithoutDatabase(workDir, "down-at-startup",
                        postgres.dashboardEnvironment())) {
            Deliveries delivery = new Deliveries(1);
            String invitee = delivery.uris().get(0);

            Deliveries.Answer whileDown = delivery.deliver(dashboard.webhook(), invitee);
            HttpResponse<String> healthWhileDown = dashboard.getAsAdmin("/actuator/health");
            HttpResponse<String> numbersWhileDown = dashboard.get("/api/metrics?period=all");
            postgres.startAgain();
            AtomicReference<Deliveries.Answer> afterStart = new AtomicReference<>();
            DatabaseOutageIT.await(() -> {
                try {
                    afterStart.set(delivery.deliver(dashboard.webhook(), invitee));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return afterStart.get().status() != 503;
            }, "the delivery accepted after PostgreSQL started");
            Deliveries.Answer replay = delivery.deliver(dashboard.webhook(), invitee);

            assertThat(whileDown.status()).isEqualTo(503);
            assertThat(whileDown.retryAfter()).matches("[1-9][0-9]*");
            assertThat(whileDown.error()).isEqualTo("store_unavailable");
            assertThat(healthWhileDown.statusCode()).isEqualTo(503);
            assertThat(status(healthWhileDown)).isEqualTo("DOWN");
            assertThat(numbersWhileDown.statusCode()).isEqualTo(503);
            assertThat(numbersWhileDown.headers().firstValue("Retry-After")).isPresent();
            assertThat(Deliveries.JSON.readTree(numbersWhileDown.body()).path("error").asText())
                    .isEqualTo("store_unavailable");
            assertThat(afterStart.get().status()).isEqualTo(200);
            assertThat(afterStart.get().ack()).isEqualTo("accepted");
            assertThat(replay.status()).isEqualTo(200);
            assertThat(replay.ack()).isEqualTo("duplicate");
            assertThat(status(dashboard.getAsAdmin("/actuator/health"))).isEqualTo("UP");
            Numbers.assertExactly(dashboard, 1);
            assertThat(dashboard.logText()).contains("Started DashboardApplication").doesNotContain("ERROR");
            Numbers.assertNoSecretLogged(dashboard);
        }
    }

    private static String status(HttpResponse<String> health) throws Exception {
        JsonNode body = Deliveries.JSON.readTree(health.body());
        return body.path("status").asText();
    }
}
