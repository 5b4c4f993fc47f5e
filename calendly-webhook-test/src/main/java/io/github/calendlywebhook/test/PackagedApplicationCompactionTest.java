package io.github.calendlywebhook.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A packaged application on an H2 file whose URL has the settings docs/operations.md gives for it
 * ({@code ;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=-1}): H2 compacts nothing while the
 * database is open, so 1,000 bookings grow the file, and a graceful stop (SIGTERM), which closes the
 * application's pool and with it the database, compacts it. Every booking is found again after the
 * restart. Subclasses start their framework's jar, configured only by environment variables.
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

    private static HttpResponse<String> deliver(ApplicationProcess application, byte[] booking) throws Exception {
        return application.deliver(SignedDelivery.of(booking).secret(SECRET));
    }
}
