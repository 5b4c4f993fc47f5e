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
 * PostgreSQL stops in the middle of a load and starts again on the same data directory and port, while
 * the dashboard keeps running: deliveries meanwhile get 503 with {@code Retry-After} (never 500, never
 * 410, never a 2xx for an event that was not stored), deliveries succeed again without a restart of the
 * application, and a resend of everything completes the numbers exactly.
 */
class DatabaseOutageIT {

    private static final int DELIVERIES = 1_200;
    private static final int THREADS = 4;

    @TempDir
    Path workDir;

    @Test
    void deliveriesDuringAnOutageAreRefusedAsRetryableAndCompleteAfterIt() throws Exception {
        try (RestartablePostgres postgres = RestartablePostgres.start(workDir);
                DashboardProcess dashboard = DashboardProcess.start(workDir, "outage", postgres.dashboardEnvironment())) {
            Deliveries deliveries = new Deliveries(DELIVERIES);
            AtomicInteger acknowledged = new AtomicInteger();
            CompletableFuture<Map<String, Deliveries.Answer>> load =
                    deliveries.sendInBackground(dashboard.webhook(), THREADS, acknowledged);
            await(() -> acknowledged.get() >= DELIVERIES / 4, "a quarter of the deliveries acknowledged");
            postgres.stop();
            int acknowledgedAtStop = acknowledged.get();
            Thread.sleep(Duration.ofSeconds(12).toMillis());
            int acknowledgedDuringOutage = acknowledged.get() - acknowledgedAtStop;
            postgres.startAgain();
            Map<String, Deliveries.Answer> firstPass = load.get();
            Map<String, Deliveries.Answer> probes = Map.of("after", deliveries.deliver(dashboard.webhook(),
                    deliveries.uris().get(0)));
            Set<String> acknowledgedFirst = firstPass.entrySet().stream().filter(e -> e.getValue().acknowledged())
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            Map<String, Deliveries.Answer> resent = deliveries.send(dashboard.webhook(), THREADS, new AtomicInteger());
            Report.line("outage", "first pass " + Report.tally(firstPass) + "; acknowledged while stopped "
                    + acknowledgedDuringOutage + "; resend " + Report.tally(resent));

            assertThat(firstPass.values()).allMatch(a -> a.acknowledged() || a.status() == 503);
            assertThat(firstPass.values()).filteredOn(a -> a.status() == 503).isNotEmpty()
                    .allMatch(a -> a.retryAfter().matches("[1-9][0-9]*"));
            assertThat(firstPass.values().stream().filter(Deliveries.Answer::acknowledged).count())
                    .isGreaterThan(acknowledgedAtStop + acknowledgedDuringOutage);
            assertThat(probes.get("after").acknowledged()).isTrue();
            assertThat(resent.values()).allMatch(Deliveries.Answer::acknowledged);
            assertThat(acknowledgedFirst).allMatch(uri -> resent.get(uri).ack().equals("duplicate"));
            Numbers.assertExactly(dashboard, DELIVERIES);
            Numbers.assertNoSecretLogged(dashboard);
        }
    }

    static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
