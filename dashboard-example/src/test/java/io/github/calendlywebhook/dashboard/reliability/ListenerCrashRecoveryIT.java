package io.github.calendlywebhook.dashboard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.test.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the packaged dashboard between the commit of a booking and the return of its
 * listener (a drill listener that blocks on its first attempt), then a restart on the same database: the
 * listener runs again for that booking, and the booking, resent as Calendly retries the delivery that got
 * no answer, is a duplicate counted once. On the default H2 file database and on PostgreSQL.
 */
class ListenerCrashRecoveryIT {

    private static final Duration GENEROUS = Duration.ofMinutes(2);

    @TempDir
    Path workDir;

    /** The dashboard's default database: an H2 file under {@code ./data} of its working directory. */
    @Test
    void listenerInterruptedByAKillRunsAfterTheRestartAndTheBookingCountsOnceWithTheH2FileDatabase() throws Exception {
        killDuringTheListenerAndRestart("listener-crash", Map.of());
    }

    @Test
    void listenerInterruptedByAKillRunsAfterTheRestartAndTheBookingCountsOnceWithPostgreSql() throws Exception {
        try (RestartablePostgres postgres = RestartablePostgres.start(workDir)) {
            killDuringTheListenerAndRestart("listener-crash-postgres", postgres.dashboardEnvironment());
        }
    }

    private void killDuringTheListenerAndRestart(String name, Map<String, String> database) throws Exception {
        Path listenerLog = workDir.resolve("listener.log");
        Deliveries deliveries = new Deliveries(1);
        String invitee = deliveries.uris().get(0);
        Map<String, String> environment = new HashMap<>(database);
        environment.putAll(Map.of("DASHBOARD_DRILL_LISTENER_LOG", listenerLog.toString(),
                "DASHBOARD_DRILL_BLOCK_FIRST_ATTEMPT", "true",
                "CALENDLY_WEBHOOK_LISTENERS_INSTANCE_ID", "drill-instance"));
        try (DashboardProcess dashboard = DashboardProcess.start(workDir, name, environment)) {
            CompletableFuture<Deliveries.Answer> unanswered = CompletableFuture.supplyAsync(() -> deliver(deliveries,
                    dashboard, invitee));

            Eventually.until("the listener's first attempt", GENEROUS, () -> lines(listenerLog).contains("1 " + invitee));
            dashboard.kill();
            dashboard.environment("DASHBOARD_DRILL_BLOCK_FIRST_ATTEMPT", "false");
            dashboard.restart();

            Eventually.until("the listener's run after the restart", GENEROUS,
                    () -> lines(listenerLog).contains("2 " + invitee));
            Deliveries.Answer resent = deliveries.deliver(dashboard.webhook(), invitee);

            assertThat(unanswered.get().acknowledged()).isFalse();
            assertThat(resent.ack()).isEqualTo("duplicate");
            assertThat(lines(listenerLog)).containsExactly("1 " + invitee, "2 " + invitee);
            Numbers.assertExactly(dashboard, 1);
            Numbers.assertNoSecretLogged(dashboard);
        }
    }

    private static Deliveries.Answer deliver(Deliveries deliveries, DashboardProcess dashboard, String invitee) {
        try {
            return deliveries.deliver(dashboard.webhook(), invitee);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> lines(Path log) {
        try {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
