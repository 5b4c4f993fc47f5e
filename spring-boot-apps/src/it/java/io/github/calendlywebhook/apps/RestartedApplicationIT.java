package io.github.calendlywebhook.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.test.SignedPayloads;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application built against one Spring Boot line ({@code boot.version}), started with {@code java -jar},
 * configured only by environment variables, storing in an H2 file database.
 */
class RestartedApplicationIT {

    private static final String SECRET = "app-current-secret-0123456789";
    private static final String PREVIOUS_SECRET = "app-previous-secret-0123456789";
    private static final String CALENDLY = "10.1.2.3";

    @TempDir
    static Path data;

    private static ApplicationProcess application;

    @BeforeAll
    static void start() throws Exception {
        application = ApplicationProcess.start(environment());
    }

    @AfterAll
    static void stop() throws Exception {
        application.stop();
    }

    @Test
    void applicationShouldRunOnItsSpringBootLineWithADurableStore() {
        assertThat(application.output()).contains("(v" + System.getProperty("boot.version") + ")")
                .doesNotContain("kept in memory").doesNotContain("ERROR");
    }

    @Test
    void deliveryRepeatedAfterRestartShouldBeAnsweredDuplicate() throws Exception {
        byte[] booking = SignedPayloads.inviteeCreated(SignedPayloads.newInviteeUri());
        HttpResponse<String> first = application.deliver(SECRET, booking, CALENDLY);

        application.stop();
        application = ApplicationProcess.start(environment());
        HttpResponse<String> again = application.deliver(SECRET, booking, CALENDLY);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"accepted\"");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"duplicate\"");
    }

    @Test
    void deliveryFromOutsideAllowedIpsShouldBeForbidden() throws Exception {
        HttpResponse<String> response = application.deliver(SECRET, SignedPayloads.inviteeCreated(), "203.0.113.9");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"error\":\"forbidden\"");
    }

    @Test
    void deliverySignedWithThePreviousSecretFromTheEnvironmentShouldBeAccepted() throws Exception {
        HttpResponse<String> response = application.deliver(PREVIOUS_SECRET, SignedPayloads.inviteeCreated(), CALENDLY);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void deliverySignedWithAnotherSecretShouldBeRefused() throws Exception {
        HttpResponse<String> response = application.deliver("some-other-secret-0123456789",
                SignedPayloads.inviteeCreated(), CALENDLY);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    private static Map<String, String> environment() {
        return Map.of("CALENDLY_WEBHOOK_SECRET", SECRET,
                "ALLOWED_IPS", "10.0.0.0/8",
                "CALENDLY_WEBHOOK_TRUSTED_PROXIES", "127.0.0.1/32",
                "CALENDLY_WEBHOOK_PREVIOUS_SECRETS_0_SECRET", PREVIOUS_SECRET,
                "CALENDLY_WEBHOOK_PREVIOUS_SECRETS_0_EXPIRES_AT", "2099-01-01T00:00:00Z",
                "SPRING_DATASOURCE_URL", "jdbc:h2:file:" + data.resolve("bookings").toAbsolutePath());
    }
}
