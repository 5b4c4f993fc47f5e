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
 * The setup guide's variables that are aliases of {@code calendly.webhook.*} keys: {@code NODE_ENV=development}
 * turns debug logging on, and {@code CALENDLY_WEBHOOK_PREVIOUS_SECRET} with
 * {@code CALENDLY_WEBHOOK_PREVIOUS_SECRET_EXPIRES_AT} adds one previous secret. Tagged until those aliases,
 * which core's properties gain separately, are part of the build (see the failsafe configuration).
 */
class EnvironmentAliasesIT {

    private static final String SECRET = "alias-current-secret-0123456789";
    private static final String PREVIOUS_SECRET = "alias-previous-secret-0123456789";

    @TempDir
    static Path data;

    private static ApplicationProcess application;

    @BeforeAll
    static void start() throws Exception {
        application = ApplicationProcess.start(Map.of("CALENDLY_WEBHOOK_SECRET", SECRET,
                "NODE_ENV", "development",
                "CALENDLY_WEBHOOK_PREVIOUS_SECRET", PREVIOUS_SECRET,
                "CALENDLY_WEBHOOK_PREVIOUS_SECRET_EXPIRES_AT", "2099-01-01T00:00:00Z",
                "SPRING_DATASOURCE_URL", "jdbc:h2:file:" + data.resolve("bookings").toAbsolutePath()));
    }

    @AfterAll
    static void stop() throws Exception {
        application.stop();
    }

    @Test
    void nodeEnvDevelopmentShouldLogEachDeliveryInDetail() throws Exception {
        String inviteeUri = SignedPayloads.newInviteeUri();

        application.deliver(SECRET, SignedPayloads.inviteeCreated(inviteeUri), "10.1.2.3");

        assertThat(application.outputOnceItContains("Calendly webhook 200 accepted")).contains("NODE_ENV")
                .contains("Calendly webhook 200 accepted");
    }

    @Test
    void previousSecretFromItsOwnVariablesShouldBeAccepted() throws Exception {
        HttpResponse<String> response = application.deliver(PREVIOUS_SECRET, SignedPayloads.inviteeCreated(),
                "10.1.2.3");

        assertThat(response.statusCode()).isEqualTo(200);
    }
}
