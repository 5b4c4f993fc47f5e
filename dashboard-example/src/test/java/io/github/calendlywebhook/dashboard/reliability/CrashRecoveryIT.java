package io.github.calendlywebhook.dashboard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the packaged dashboard in the middle of 5,000 deliveries from 4 threads, then a
 * restart on the same database and a resend of everything, as Calendly retries: every delivery
 * acknowledged before the kill is found again (answered as a duplicate), and the numbers equal the
 * unique events exactly.
 */
class CrashRecoveryIT {

    static final int DELIVERIES = 5_000;
    static final int THREADS = 4;
    static final int KILL_AFTER_ACKNOWLEDGED = 1_500;

    @TempDir
    Path workDir;

    /** The dashboard's default database: an H2 file under {@code ./data} of its working directory. */
    @Test
    void acknowledgedDeliveriesSurviveAKillWithTheH2FileDatabase() throws Exception {
        try (DashboardProcess dashboard = DashboardProcess.start(workDir, "h2", Map.of())) {
            crashMidStreamAndResend("crash/" + dashboard.name(), dashboard);
        }
    }

    @Test
    void acknowledgedDeliveriesSurviveAKillWithPostgreSql() throws Exception {
        try (RestartablePostgres postgres = RestartablePostgres.start(workDir);
                DashboardProcess dashboard = DashboardProcess.start(workDir, "postgres", postgres.dashboardEnvironment())) {
            crashMidStreamAndResend("crash/" + dashboard.name(), dashboard);
        }
    }

    private static void crashMidStreamAndResend(String name, DashboardProcess dashboard) throws Exception {
        Deliveries deliveries = new Deliveries(DELIVERIES);
        AtomicInteger acknowledged = new AtomicInteger();
        CompletableFuture<Map<String, Deliveries.Answer>> firstPass =
                deliveries.sendInBackground(dashboard.webhook(), THREADS, acknowledged);
        awaitAcknowledged(acknowledged, firstPass);
        dashboard.kill();
        Map<String, Deliveries.Answer> beforeKill = firstPass.get();
        Set<String> acknowledgedBeforeKill = beforeKill.entrySet().stream().filter(e -> e.getValue().acknowledged())
                .map(Map.Entry::getKey).collect(Collectors.toSet());

        dashboard.restart();
        Map<String, Deliveries.Answer> resent = deliveries.send(dashboard.webhook(), THREADS, new AtomicInteger());
        Report.line(name, "before kill " + Report.tally(beforeKill) + "; resend " + Report.tally(resent)
                + "; numbers " + Numbers.allTime(dashboard).path("newBookings"));

        assertThat(beforeKill.values()).noneMatch(a -> a.status() >= 500 && a.status() != 503);
        assertThat(acknowledgedBeforeKill).hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACKNOWLEDGED).hasSizeLessThan(DELIVERIES);
        assertThat(resent.values()).allMatch(Deliveries.Answer::acknowledged);
        assertThat(acknowledgedBeforeKill).allMatch(uri -> resent.get(uri).ack().equals("duplicate"));
        Numbers.assertExactly(dashboard, DELIVERIES);
        Numbers.assertNoSecretLogged(dashboard);
    }

    private static void awaitAcknowledged(AtomicInteger acknowledged, CompletableFuture<?> load) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (acknowledged.get() < KILL_AFTER_ACKNOWLEDGED) {
            if (load.isDone()) {
                load.get();
                throw new IllegalStateException("the load ended before the kill: " + acknowledged.get() + " acknowledged");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("only " + acknowledged.get() + " deliveries acknowledged in 3 minutes");
            }
            Thread.sleep(20);
        }
    }
}
