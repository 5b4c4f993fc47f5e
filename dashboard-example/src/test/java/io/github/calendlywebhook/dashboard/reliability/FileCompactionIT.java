package io.github.calendlywebhook.dashboard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged dashboard on its H2 file, receiving bookings in bursts, once with its file compaction
 * switched off and once on, every second: with it on, the file shrinks to a quarter of the other's size or
 * less once the bursts have passed and bookings arrive one at a time, and a {@code kill -9} in the middle of a further burst loses no
 * acknowledged delivery and counts none twice. H2 keeps a freed chunk for its retention time (45 s by
 * default) before it reuses the space; these runs shorten it to 1 s in the URL so that the bursts fit in
 * seconds, and otherwise start the dashboard as shipped.
 */
class FileCompactionIT {

    static final int BURSTS = 12;
    static final int PER_BURST = 250;
    static final int THREADS = 4;
    /** The most bookings sent one at a time while the file shrinks; the resend books those not sent. */
    static final int TRICKLE = 60;
    static final String URL = "jdbc:h2:file:./data/dashboard;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=-1"
            + ";RETENTION_TIME=1000";

    @TempDir
    Path workDir;

    @Test
    void theRunningDashboardKeepsItsH2FileSmallAndAKillLosesNothing() throws Exception {
        long uncompacted;
        try (DashboardProcess dashboard = start("off", "0")) {
            uncompacted = receiveBursts(dashboard, new HashMap<>(), new ArrayList<>());
        }
        try (DashboardProcess dashboard = start("on", "1s")) {
            List<Deliveries> sent = new ArrayList<>();
            Map<String, Deliveries.Answer> answers = new HashMap<>();
            long compacted = receiveBursts(dashboard, answers, sent);
            // The file shrinks once a run has moved the live chunks down and H2 has cut off the free end. H2
            // drops a dead chunk only some commits after the one that made it dead, so bookings go on
            // arriving, one every half second, as they would.
            Deliveries trickle = new Deliveries(TRICKLE);
            sent.add(trickle);
            Instant deadline = Instant.now().plusSeconds(30);
            for (String uri : trickle.uris()) {
                if (compacted < uncompacted / 4 || !Instant.now().isBefore(deadline)) {
                    break;
                }
                Deliveries.Answer answer = trickle.deliver(dashboard.webhook(), uri);
                assertThat(answer.ack()).isEqualTo("accepted");
                answers.put(uri, answer);
                Thread.sleep(500);
                compacted = Files.size(file(dashboard));
            }
            Report.line("h2-compaction", "file after " + BURSTS * PER_BURST + " bookings: "
                    + uncompacted / 1024 + " KiB without compaction, " + compacted / 1024 + " KiB with it");
            assertThat(compacted).isLessThan(uncompacted / 4);

            Deliveries last = new Deliveries(PER_BURST * 2);
            AtomicInteger acknowledged = new AtomicInteger();
            CompletableFuture<Map<String, Deliveries.Answer>> burst =
                    last.sendInBackground(dashboard.webhook(), THREADS, acknowledged);
            while (acknowledged.get() < PER_BURST && !burst.isDone()) {
                Thread.sleep(10);
            }
            dashboard.kill();
            Set<String> acknowledgedBeforeKill = burst.get().entrySet().stream()
                    .filter(e -> e.getValue().acknowledged()).map(Map.Entry::getKey).collect(Collectors.toSet());
            assertThat(acknowledgedBeforeKill).hasSizeGreaterThanOrEqualTo(PER_BURST).hasSizeLessThan(PER_BURST * 2);

            dashboard.restart();
            Map<String, Deliveries.Answer> resent = new HashMap<>(last.send(dashboard.webhook(), THREADS,
                    new AtomicInteger()));
            for (Deliveries deliveries : sent) {
                resent.putAll(deliveries.send(dashboard.webhook(), THREADS, new AtomicInteger()));
            }
            Report.line("h2-compaction", "killed after " + acknowledgedBeforeKill.size() + " of the last burst; resend "
                    + Report.tally(resent));
            assertThat(answers.keySet()).allMatch(uri -> "duplicate".equals(resent.get(uri).ack()));
            assertThat(acknowledgedBeforeKill).allMatch(uri -> "duplicate".equals(resent.get(uri).ack()));
            assertThat(resent.values()).allMatch(Deliveries.Answer::acknowledged);
            Numbers.assertExactly(dashboard, BURSTS * PER_BURST + TRICKLE + PER_BURST * 2);
            Numbers.assertNoSecretLogged(dashboard);
        }
    }

    private DashboardProcess start(String name, String interval) throws Exception {
        Path dir = Files.createDirectories(workDir.resolve(name));
        return DashboardProcess.start(dir, name, Map.of("SPRING_DATASOURCE_URL", URL,
                "CALENDLY_WEBHOOK_STORE_H2_COMPACTION_INTERVAL", interval));
    }

    /**
     * Sends {@value #BURSTS} bursts of new bookings with a pause after each, long enough for a compaction
     * run and for H2's retention time, and returns the file's size after the last pause.
     */
    private static long receiveBursts(DashboardProcess dashboard, Map<String, Deliveries.Answer> answers,
            List<Deliveries> sent) throws Exception {
        for (int i = 0; i < BURSTS; i++) {
            Deliveries burst = new Deliveries(PER_BURST);
            sent.add(burst);
            Map<String, Deliveries.Answer> burstAnswers = burst.send(dashboard.webhook(), THREADS, new AtomicInteger());
            assertThat(burstAnswers.values()).allMatch(answer -> "accepted".equals(answer.ack()));
            answers.putAll(burstAnswers);
            Thread.sleep(2_500);
        }
        Numbers.assertExactly(dashboard, BURSTS * PER_BURST);
        return Files.size(file(dashboard));
    }

    private static Path file(DashboardProcess dashboard) {
        return dashboard.directory().resolve("data").resolve("dashboard.mv.db");
    }
}
