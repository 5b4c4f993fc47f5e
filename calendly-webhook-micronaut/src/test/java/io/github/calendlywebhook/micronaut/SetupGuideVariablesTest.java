package io.github.calendlywebhook.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.pipeline.WebhookRequest;
import io.github.calendlywebhook.test.SignedPayloads;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The setup guide's variables, given as environment variables through a substitute of the process environment. */
class SetupGuideVariablesTest {

    private static final String SECRET = "environment-secret-0123456789";
    private static final String OLD_SECRET = "previous-secret-0123456789";

    private static ApplicationContext runWithVariables(Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put("CALENDLY_WEBHOOK_SECRET", SECRET);
        return ApplicationContext.builder().environmentPropertySource(false)
                .propertySources(PropertySource.of("environment-substitute", all,
                        PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE,
                        PropertySource.Origin.of("environment-substitute")))
                .start();
    }

    @Test
    void allowedIpsVariableShouldConfigureTheAllowlist() {
        try (ApplicationContext context = runWithVariables(Map.of("ALLOWED_IPS", "10.0.0.0/8,52.0.0.0/8"))) {
            assertThat(context.getBean(WebhookSettings.class).allowedIps()).containsExactly("10.0.0.0/8,52.0.0.0/8");
            WebhookRequest fromLoopback = WebhookRequest.post(Map.of("Content-Type", List.of("application/json")),
                    "127.0.0.1", SignedPayloads.inviteeCreated());
            assertThat(context.getBean(WebhookProcessor.class).process(fromLoopback).status()).isEqualTo(403);
        }
    }

    @Test
    void prefixedAllowedIpsVariableShouldWinOverTheSetupGuideOne() {
        try (ApplicationContext context = runWithVariables(Map.of("ALLOWED_IPS", "10.0.0.0/8",
                "CALENDLY_WEBHOOK_ALLOWED_IPS", "203.0.113.0/24"))) {
            assertThat(context.getBean(WebhookSettings.class).allowedIps()).containsExactly("203.0.113.0/24");
        }
    }

    @Test
    void nodeEnvDevelopmentShouldTurnDebugOn() {
        try (ApplicationContext context = runWithVariables(Map.of("NODE_ENV", "development"))) {
            assertThat(context.getBean(WebhookSettings.class).debug()).isTrue();
        }
    }

    @Test
    void explicitDebugVariableShouldWinOverNodeEnv() {
        try (ApplicationContext context = runWithVariables(Map.of("NODE_ENV", "development",
                "CALENDLY_WEBHOOK_DEBUG", "false"))) {
            assertThat(context.getBean(WebhookSettings.class).debug()).isFalse();
        }
    }

    @Test
    void previousSecretVariablesShouldStillBeAcceptedDuringRotation() {
        byte[] body = SignedPayloads.inviteeCreated();
        WebhookRequest signedWithTheOldKey = WebhookRequest.post(Map.of("Content-Type", List.of("application/json"),
                "Calendly-Webhook-Signature", List.of(SignedPayloads.sign(OLD_SECRET, body, Instant.now()))),
                "203.0.113.7", body);

        try (ApplicationContext context = runWithVariables(Map.of("CALENDLY_WEBHOOK_PREVIOUS_SECRET", OLD_SECRET,
                "CALENDLY_WEBHOOK_PREVIOUS_SECRET_EXPIRES_AT", "2999-01-01T00:00:00Z"))) {
            assertThat(context.getBean(WebhookSettings.class).previousSecrets()).singleElement()
                    .satisfies(previous -> assertThat(previous.expiresAt()).isEqualTo(Instant.parse("2999-01-01T00:00:00Z")));
            assertThat(context.getBean(WebhookProcessor.class).process(signedWithTheOldKey).status()).isEqualTo(200);
        }
    }

    @Test
    void previousSecretWithoutExpiryShouldStopStartupNamingTheVariable() {
        assertThatThrownBy(() -> runWithVariables(Map.of("CALENDLY_WEBHOOK_PREVIOUS_SECRET", OLD_SECRET)).close())
                .hasStackTraceContaining("CALENDLY_WEBHOOK_PREVIOUS_SECRET_EXPIRES_AT")
                .satisfies(failure -> assertThat(failure).hasMessageNotContaining(OLD_SECRET));
    }
}
