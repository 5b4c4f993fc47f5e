package io.github.calendlywebhook.dashboard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.pipeline.WebhookSettings;
import io.github.calendlywebhook.core.reliability.HostileCase;
import io.github.calendlywebhook.core.reliability.HostileCorpus;
import io.github.calendlywebhook.core.reliability.ResponseChecks;
import io.github.calendlywebhook.test.RawClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The core's hostile-input corpus, sent byte for byte to the packaged dashboard: each case gets its
 * expected status through Tomcat, Spring Security and the starter, never a 5xx, a stack trace or a
 * secret, and nothing the process writes carries a secret.
 */
class HostileInputIT {

    @TempDir
    static Path workDir;
    static DashboardProcess dashboard;

    static List<HostileCase> corpus() {
        return HostileCorpus.cases(DashboardProcess.SECRET, WebhookSettings.DEFAULT_MAX_BODY_SIZE);
    }

    @BeforeAll
    static void startDashboard() throws Exception {
        dashboard = DashboardProcess.start(workDir, "hostile", Map.of("SPRING_DATASOURCE_URL", "jdbc:h2:mem:hostile"));
    }

    @AfterAll
    static void stopDashboard() {
        dashboard.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void answersEachHostileRequestWithItsExpectedStatusAndASafeBody(HostileCase hostile) throws Exception {
        RawClient.Response response = RawClient.send(dashboard.webhook(), hostile.request().get());

        ResponseChecks.assertSafe(hostile.name(), response, DashboardProcess.SECRET, DashboardProcess.ADMIN_PASSWORD,
                DashboardProcess.LEADS_TOKEN);
        assertThat(response.status()).as(hostile.name() + " -> " + response.body()).isEqualTo(hostile.expectedStatus());
    }

    @Test
    void processOutputNeverCarriesASecret() {
        Numbers.assertNoSecretLogged(dashboard);
    }
}
