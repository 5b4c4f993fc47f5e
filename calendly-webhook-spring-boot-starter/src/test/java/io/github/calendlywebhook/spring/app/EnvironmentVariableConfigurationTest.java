package io.github.calendlywebhook.spring.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.test.SignedDelivery;
import io.github.calendlywebhook.test.SignedPayloads;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

@ExtendWith(OutputCaptureExtension.class)
class EnvironmentVariableConfigurationTest {

    private static final String SECRET = "environment-secret-0123456789";
    private static final String OLD_SECRET = "previous-secret-0123456789";

    @Test
    void secretFromEnvironmentVariableAloneShouldConfigureTheEndpoint() throws Exception {
        SpringApplication application = applicationWith(Map.of("CALENDLY_WEBHOOK_SECRET", SECRET));

        try (ConfigurableApplicationContext context = application.run("--server.port=0")) {
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            HttpResponse<String> response = SignedDelivery.of(SignedPayloads.inviteeCreated()).secret(SECRET)
                    .postTo(URI.create("http://127.0.0.1:" + port + "/api/webhooks/calendly"));

            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void allowedIpsFromSetupGuideVariableShouldConfigureTheAllowlist() {
        SpringApplication application = applicationWith(
                Map.of("CALENDLY_WEBHOOK_SECRET", SECRET, "ALLOWED_IPS", "52.0.0.0/8,54.0.0.0/8"));
        application.setWebApplicationType(WebApplicationType.NONE);

        try (ConfigurableApplicationContext context = application.run()) {
            assertThat(context.getBean(WebhookSettings.class).allowedIps()).containsExactly("52.0.0.0/8", "54.0.0.0/8");
        }
    }

    @Test
    void allowedIpsPropertyShouldWinOverSetupGuideVariable() {
        SpringApplication application = applicationWith(
                Map.of("CALENDLY_WEBHOOK_SECRET", SECRET, "ALLOWED_IPS", "52.0.0.0/8"));
        application.setWebApplicationType(WebApplicationType.NONE);

        try (ConfigurableApplicationContext context = application.run("--calendly.webhook.allowed-ips=203.0.113.0/24")) {
            assertThat(context.getBean(WebhookSettings.class).allowedIps()).containsExactly("203.0.113.0/24");
        }
    }

    @Test
    void ambiguousEntryInTheSetupGuideVariableShouldStopStartupNamingTheVariableAndEntry() {
        for (String entry : new String[] {"10.0.0.1/8", "::ffff:52.0.0.0/8"}) {
            SpringApplication application = applicationWith(
                    Map.of("CALENDLY_WEBHOOK_SECRET", SECRET, "ALLOWED_IPS", "203.0.113.0/24," + entry));
            application.setWebApplicationType(WebApplicationType.NONE);

            assertThatThrownBy(application::run).hasStackTraceContaining("ALLOWED_IPS")
                    .hasStackTraceContaining("calendly.webhook.allowed-ips")
                    .hasStackTraceContaining("'" + entry + "'");
        }
    }

    @Test
    void nodeEnvDevelopmentShouldTurnDebugOnAndSaySoOnceAtStartup(CapturedOutput output) {
        SpringApplication application = applicationWith(Map.of("CALENDLY_WEBHOOK_SECRET", SECRET, "NODE_ENV", "development"));
        application.setWebApplicationType(WebApplicationType.NONE);

        try (ConfigurableApplicationContext context = application.run()) {
            assertThat(context.getBean(WebhookSettings.class).debug()).isTrue();
            assertThat(output.getOut().split("NODE_ENV=development taken as calendly.webhook.debug=true", -1)).hasSize(2);
        }
    }

    @Test
    void explicitDebugSettingShouldWinOverNodeEnv() {
        SpringApplication application = applicationWith(Map.of("CALENDLY_WEBHOOK_SECRET", SECRET, "NODE_ENV", "development",
                "CALENDLY_WEBHOOK_DEBUG", "false"));
        application.setWebApplicationType(WebApplicationType.NONE);

        try (ConfigurableApplicationContext context = application.run()) {
            assertThat(context.getBean(WebhookSettings.class).debug()).isFalse();
        }
    }

    @Test
    void nodeEnvProductionShouldLeaveDebugOff() {
        SpringApplication application = applicationWith(Map.of("CALENDLY_WEBHOOK_SECRET", SECRET, "NODE_ENV", "production"));
        application.setWebApplicationType(WebApplicationType.NONE);

        try (ConfigurableApplicationContext context = application.run()) {
            assertThat(context.getBean(WebhookSettings.class).debug()).isFalse();
        }
    }

    @Test
    void previousSecretFromEnvironmentVariablesShouldStillBeAcceptedDuringRotation() throws Exception {
        SpringApplication application = applicationWith(Map.of("CALENDLY_WEBHOOK_SECRET", SECRET,
                "CALENDLY_WEBHOOK_PREVIOUS_SECRET", OLD_SECRET,
                "CALENDLY_WEBHOOK_PREVIOUS_SECRET_EXPIRES_AT", "2999-01-01T00:00:00Z"));

        try (ConfigurableApplicationContext context = application.run("--server.port=0")) {
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            HttpResponse<String> response = SignedDelivery.of(SignedPayloads.inviteeCreated()).secret(OLD_SECRET)
                    .postTo(URI.create("http://127.0.0.1:" + port + "/api/webhooks/calendly"));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(context.getBean(WebhookSettings.class).previousSecrets()).singleElement()
                    .satisfies(previous -> assertThat(previous.expiresAt()).isEqualTo(Instant.parse("2999-01-01T00:00:00Z")));
        }
    }

    @Test
    void previousSecretListFromEnvironmentVariablesShouldWinOverTheSingleForm() {
        SpringApplication application = applicationWith(Map.of("CALENDLY_WEBHOOK_SECRET", SECRET,
                "CALENDLY_WEBHOOK_PREVIOUS_SECRET", OLD_SECRET,
                "CALENDLY_WEBHOOK_PREVIOUS_SECRET_EXPIRES_AT", "2999-01-01T00:00:00Z",
                "CALENDLY_WEBHOOK_PREVIOUSSECRETS_0_SECRET", "listed-old-secret-0123456789",
                "CALENDLY_WEBHOOK_PREVIOUSSECRETS_0_EXPIRESAT", "2998-01-01T00:00:00Z"));
        application.setWebApplicationType(WebApplicationType.NONE);

        try (ConfigurableApplicationContext context = application.run()) {
            assertThat(context.getBean(WebhookSettings.class).previousSecrets()).singleElement()
                    .satisfies(previous -> assertThat(previous.expiresAt()).isEqualTo(Instant.parse("2998-01-01T00:00:00Z")));
        }
    }

    @Test
    void previousSecretWithoutExpiryShouldStopStartupNamingTheVariablesButNotTheSecret() {
        SpringApplication application = applicationWith(Map.of("CALENDLY_WEBHOOK_SECRET", SECRET,
                "CALENDLY_WEBHOOK_PREVIOUS_SECRET", OLD_SECRET));
        application.setWebApplicationType(WebApplicationType.NONE);

        assertThatThrownBy(application::run).hasStackTraceContaining("CALENDLY_WEBHOOK_PREVIOUS_SECRET_EXPIRES_AT")
                .satisfies(failure -> assertThat(stackTrace(failure)).doesNotContain(OLD_SECRET));
    }

    private static String stackTrace(Throwable failure) {
        java.io.StringWriter text = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }

    private static SpringApplication applicationWith(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        variables));
        SpringApplication application = new SpringApplication(WebhookTestApplication.class);
        application.setEnvironment(environment);
        return application;
    }
}
