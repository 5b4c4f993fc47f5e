package io.github.calendlywebhook.dashboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.calendlywebhook.dashboard.DashboardApplication;
import io.github.calendlywebhook.dashboard.support.Browserless;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Startup without configured secrets: generated for a trial run, refused with the prod profile. */
class StartupSecretsTest {

    private static SpringApplicationBuilder app() {
        return new SpringApplicationBuilder(DashboardApplication.class);
    }

    private static String[] args(String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:h2:mem:startup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--server.port=0"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void prodProfileWithoutSecretAndPasswordShouldRefuseToStartNamingBoth() {
        assertThatThrownBy(() -> app().profiles("prod").run(args()))
                .isInstanceOf(MissingProductionSecretException.class)
                .hasMessageContaining("CALENDLY_WEBHOOK_SECRET and ADMIN_PASSWORD are not set");
    }

    @Test
    void prodProfileWithOnlyThePasswordShouldNameTheMissingSecret() {
        assertThatThrownBy(() -> app().profiles("prod").run(args("--ADMIN_PASSWORD=set")))
                .isInstanceOf(MissingProductionSecretException.class)
                .hasMessageContaining("CALENDLY_WEBHOOK_SECRET is not set")
                .hasMessageNotContaining("ADMIN_PASSWORD");
    }

    @Test
    void refusedStartShouldBeExplainedWithTheVariablesToSet() {
        MissingProductionSecretException failure = new MissingProductionSecretException(true, true);

        FailureAnalysis analysis = new MissingProductionSecretFailureAnalyzer().analyze(failure);

        assertThat(analysis.getDescription()).contains("prod profile");
        assertThat(analysis.getAction()).contains("CALENDLY_WEBHOOK_SECRET").contains("ADMIN_PASSWORD");
    }

    @Test
    void withoutSecretsOutsideProdGeneratedValuesShouldLetTheAdminLogIn() {
        try (ConfigurableApplicationContext context = app().run(args())) {
            String password = context.getEnvironment().getProperty("dashboard.admin-password");
            String secret = context.getEnvironment().getProperty("calendly.webhook.secret");
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();

            assertThat(password).isNotBlank().hasSizeGreaterThanOrEqualTo(32);
            assertThat(secret).isNotBlank().isNotEqualTo(password);
            assertThat(new Browserless(port, "198.51.100.90").login(password).headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/admin"));
        }
    }
}
