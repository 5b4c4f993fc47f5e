package io.github.calendlywebhook.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A packaged application on an H2 file whose URL has the settings docs/operations.md gives for it
 * ({@code ;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=-1}): with those H2 compacts nothing while
 * the database is open, so 1,000 bookings grow the file, and a graceful stop (SIGTERM), which closes the
 * application's pool and with it the database, compacts it; every booking is found again after the
 * restart. While the application runs, the adapter's own compaction keeps the file small. Subclasses
 * start their framework's jar, configured only by environment variables.
 */
public abstract class PackagedApplicationCompactionTest {

    private static final String SECRET = "app-compaction-secret-0123456789";
    private static final int BOOKINGS = 1_000;

    @TempDir
    Path data;

    /**
     * Starts the application's jar with the variables.
     *
     * @param variables every environment variable it gets, besides its address and port
     * @return the running application
     * @throws Exception when it does not start
     */
    protected abstract ApplicationProcess start(Map<String, String> variables) throws Exception;

    /**
     * Returns the environment variable that sets the application's JDBC URL.
     *
     * @return e.g. {@code SPRING_DATASOURCE_URL}
     */
    protected abstract String urlVariable();

    @Test
    void aGracefulStopShouldCompactTheH2FileAndKeepEveryBooking() throws Exception {
        String url = "jdbc:h2:file:" + data.resolve("bookings").toAbsolutePath()
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=-1";
        ApplicationProcess application = start(Map.of(urlVariable(), url, "CALENDLY_WEBHOOK_SECRET", SECRET,
                "CALENDLY_WEBHOOK_RATE_LIMIT_ENABLED", "false"));
        try {
            List<byte[]> bookings = new ArrayList<>();
            for (int i = 0; i < BOOKINGS; i++) {
                byte[] booking = SignedPayloads.inviteeCreated(SignedPayloads.newInviteeUri());
                assertThat(deliver(application, booking).body()).contains("\"accepted\"");
                bookings.add(booking);
            }
            Path file = data.resolve("bookings.mv.db");
            long before = Files.size(file);

            application.stop();
            long after = Files.size(file);
            System.out.printf("[compaction] %s: %,d bytes before the stop, %,d after%n", getClass().getSimpleName(),
                    before, after);
            application.startAgain();

            // H2's own close compacts for 200 ms, which took a Spring application's 40 MB to 3.2 MB and left a
            // Micronaut application's 85 MB as it was; the full compaction takes both under 1.3 MB.
            assertThat(after).as("bytes after the stop, of " + before + " before").isLessThan(before / 20);
            assertThat(application.output()).doesNotContain("ERROR");
            for (byte[] booking : bookings) {
                assertThat(deliver(application, booking).body()).contains("\"duplicate\"");
            }
        } finally {
            application.stop();
        }
    }

    /**
     * The same application and URL while it runs, with {@code CALENDLY_WEBHOOK_STORE_H2_COMPACTION_INTERVAL}
     * at 1 s and H2's retention time at 1 s (45 s by default) so that bursts a few seconds apart show it:
     * after 1,000 bookings in 8 bursts and then a trickle of one every half second, the file comes down to
     * at most 8 KiB per burst booking, where without the compaction it holds 40 KiB (Spring Boot) to 85 KiB
     * (Micronaut) per booking.
     */
    @Test
    void theRunningApplicationShouldCompactTheH2File() throws Exception {
        String url = "jdbc:h2:file:" + data.resolve("running").toAbsolutePath()
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=-1;RETENTION_TIME=1000";
        ApplicationProcess application = start(Map.of(urlVariable(), url, "CALENDLY_WEBHOOK_SECRET", SECRET,
                "CALENDLY_WEBHOOK_RATE_LIMIT_ENABLED", "false", "CALENDLY_WEBHOOK_STORE_H2_COMPACTION_INTERVAL", "1s"));
        try {
            Path file = data.resolve("running.mv.db");
            long largest = 0;
            for (int burst = 0; burst < 8; burst++) {
                for (int i = 0; i < BOOKINGS / 8; i++) {
                    byte[] booking = SignedPayloads.inviteeCreated(SignedPayloads.newInviteeUri());
                    assertThat(deliver(application, booking).body()).contains("\"accepted\"");
                }
                largest = Math.max(largest, Files.size(file));
                Thread.sleep(2_500);
            }
            // Then a trickle, as bookings go on arriving: H2 drops a dead chunk only some commits after the one
            // that made it dead, so a file left idle keeps its size until the next bookings.
            long bound = BOOKINGS * 8L * 1024;
            long size = Files.size(file);
            Instant deadline = Instant.now().plusSeconds(30);
            while (size > bound && Instant.now().isBefore(deadline)) {
                byte[] booking = SignedPayloads.inviteeCreated(SignedPayloads.newInviteeUri());
                assertThat(deliver(application, booking).body()).contains("\"accepted\"");
                Thread.sleep(500);
                size = Files.size(file);
            }
            System.out.printf("[compaction] %s: %,d bytes at most after a burst, %,d at the end%n",
                    getClass().getSimpleName(), largest, size);
            assertThat(size).as("bytes after 1,000 bookings").isLessThanOrEqualTo(bound);
            assertThat(application.output()).contains("Compacting the H2 file every").doesNotContain("ERROR");
        } finally {
            application.stop();
        }
    }

    private static HttpResponse<String> deliver(ApplicationProcess application, byte[] booking) throws Exception {
        return application.deliver(SignedDelivery.of(booking).secret(SECRET));
    }
}
