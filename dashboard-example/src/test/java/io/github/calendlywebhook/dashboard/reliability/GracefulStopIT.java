package io.github.calendlywebhook.dashboard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A graceful stop (SIGTERM) of the packaged dashboard on its default H2 file after 2,000 deliveries from
 * 4 threads: the stop compacts the file, which H2 lets grow with every commit while the database is
 * open, and after a restart every acknowledged delivery is found again and counted once.
 */
class GracefulStopIT {

    static final int DELIVERIES = 2_000;
    static final int THREADS = 4;

    @TempDir
    Path workDir;

    @Test
    void aGracefulStopCompactsTheH2FileAndKeepsEveryAcknowledgedDelivery() throws Exception {
        Deliveries deliveries = new Deliveries(DELIVERIES);
        Path file = workDir.resolve("data").resolve("dashboard.mv.db");
        try (DashboardProcess dashboard = DashboardProcess.start(workDir, "graceful-stop", Map.of())) {
            Map<String, Deliveries.Answer> sent = deliveries.send(dashboard.webhook(), THREADS, new AtomicInteger());
            assertThat(sent.values()).allMatch(Deliveries.Answer::acknowledged);
            long before = Files.size(file);

            dashboard.stop();
            long after = Files.size(file);
            dashboard.restart();
            Map<String, Deliveries.Answer> resent = deliveries.send(dashboard.webhook(), THREADS, new AtomicInteger());
            Report.line("graceful-stop/h2", "file " + before / 1024 + " KiB before the stop, " + after / 1024
                    + " KiB after; resend " + Report.tally(resent));

            assertThat(after).isLessThan(before / 4);
            assertThat(dashboard.logText()).doesNotContain("Database is already closed");
            assertThat(resent.values()).allMatch(answer -> "duplicate".equals(answer.ack()));
            Numbers.assertExactly(dashboard, DELIVERIES);
            Numbers.assertNoSecretLogged(dashboard);
        }
    }
}
