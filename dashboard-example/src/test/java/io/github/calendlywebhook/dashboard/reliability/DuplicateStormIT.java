package io.github.calendlywebhook.dashboard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two dashboard instances share one PostgreSQL and each receives the same 10,000 deliveries at the same
 * time, as when Calendly retries against a load balancer: every event is accepted by exactly one
 * instance and counted once, and both instances report the same numbers.
 */
class DuplicateStormIT {

    private static final int DELIVERIES = 10_000;
    private static final int THREADS_PER_INSTANCE = 3;

    @TempDir
    Path workDir;

    @Test
    void twoInstancesReceivingTheSameDeliveriesCountEachEventOnce() throws Exception {
        try (RestartablePostgres postgres = RestartablePostgres.start(workDir);
                DashboardProcess first = DashboardProcess.start(workDir, "storm-a", postgres.dashboardEnvironment());
                DashboardProcess second = DashboardProcess.start(workDir, "storm-b", postgres.dashboardEnvironment())) {
            Deliveries deliveries = new Deliveries(DELIVERIES);
            CompletableFuture<Map<String, Deliveries.Answer>> toFirst = sendAsync(deliveries, first);
            CompletableFuture<Map<String, Deliveries.Answer>> toSecond = sendAsync(deliveries, second);
            Map<String, Deliveries.Answer> fromFirst = toFirst.get();
            Map<String, Deliveries.Answer> fromSecond = toSecond.get();
            Report.line("storm", "instance A " + Report.tally(fromFirst) + "; instance B " + Report.tally(fromSecond));

            assertThat(fromFirst.values()).allMatch(Deliveries.Answer::acknowledged);
            assertThat(fromSecond.values()).allMatch(Deliveries.Answer::acknowledged);
            assertThat(deliveries.uris()).allMatch(uri -> (fromFirst.get(uri).ack().equals("accepted") ? 1 : 0)
                    + (fromSecond.get(uri).ack().equals("accepted") ? 1 : 0) == 1);
            Numbers.assertExactly(first, DELIVERIES);
            Numbers.assertExactly(second, DELIVERIES);
            assertThat(Numbers.allTime(first).path("revenue")).isEqualTo(Numbers.allTime(second).path("revenue"));
            Numbers.assertNoSecretLogged(first);
            Numbers.assertNoSecretLogged(second);
        }
    }

    private static CompletableFuture<Map<String, Deliveries.Answer>> sendAsync(Deliveries deliveries,
            DashboardProcess dashboard) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return deliveries.send(dashboard.webhook(), THREADS_PER_INSTANCE, new AtomicInteger());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
