package io.github.calendlywebhook.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.test.ApplicationProcess;
import io.github.calendlywebhook.test.Eventually;
import io.github.calendlywebhook.test.SignedDelivery;
import io.github.calendlywebhook.test.SignedPayloads;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application's {@code @EventListener} that throws the first time it sees each invitee (its CRM is
 * briefly down), on the default listener settings: every invitee is handled within a minute, once, on the
 * second attempt, while Calendly got its 200 at once and never had to deliver again.
 */
class ListenerRetryIT {

    private static final String SECRET = "listener-retry-secret-0123456789";
    private static final String CALENDLY = "10.1.2.3";
    private static final int BOOKINGS = 10;

    @TempDir
    static Path data;

    private static ApplicationProcess application;

    @BeforeAll
    static void start() throws Exception {
        application = BookingsJar.start(Map.of("CALENDLY_WEBHOOK_SECRET", SECRET,
                "ALLOWED_IPS", "10.0.0.0/8",
                "CALENDLY_WEBHOOK_TRUSTED_PROXIES", "127.0.0.1/32",
                "BOOKINGS_CRM_DOWN_FIRST_TIME", "true",
                "SPRING_DATASOURCE_URL", "jdbc:h2:file:" + data.resolve("bookings").toAbsolutePath()));
    }

    @AfterAll
    static void stop() throws Exception {
        application.stop();
    }

    @Test
    void listenerThatThrowsTheFirstTimeItSeesEachInviteeHandlesEveryInviteeWithinAMinuteWithoutARedelivery()
            throws Exception {
        List<String> invitees = IntStream.range(0, BOOKINGS).mapToObj(i -> SignedPayloads.newInviteeUri()).toList();
        for (String invitee : invitees) {
            HttpResponse<String> response = application.deliver(
                    SignedDelivery.of(SignedPayloads.inviteeCreated(invitee)).secret(SECRET).forwardedFor(CALENDLY));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"accepted\"");
        }

        Eventually.until("every invitee handled", Duration.ofMinutes(1),
                () -> invitees.stream().allMatch(invitee -> application.output().contains("CRM added " + invitee + " ")));

        String output = application.output();
        assertThat(invitees).allSatisfy(invitee -> {
            assertThat(Pattern.compile(Pattern.quote("CRM added " + invitee + " ")).matcher(output).results().count())
                    .as("handled once").isEqualTo(1);
            assertThat(output).contains("CRM added " + invitee + " on attempt 2");
        });
        assertThat(output).contains("IllegalStateException: CRM unreachable").doesNotContain("parked");
    }
}
