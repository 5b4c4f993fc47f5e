package io.github.calendlywebhook.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SetupGuideVariablesTest {

    @Test
    void nodeEnvDevelopmentShouldTurnDebugOnWithOneNote() {
        SetupGuideVariables variables = SetupGuideVariables.read(Map.of("NODE_ENV", "Development")::get, key -> false);

        assertThat(variables.properties()).containsExactly(Map.entry("calendly.webhook.debug", "true"));
        assertThat(variables.notes()).singleElement().asString()
                .startsWith("NODE_ENV=development taken as calendly.webhook.debug=true");
    }

    @Test
    void configuredKeysShouldWinOverEveryVariable() {
        Map<String, String> environment = Map.of("NODE_ENV", "development", "ALLOWED_IPS", "10.0.0.0/8",
                "CALENDLY_WEBHOOK_PREVIOUS_SECRET", "old-key-0123456789",
                "CALENDLY_WEBHOOK_PREVIOUS_SECRET_EXPIRES_AT", "2030-01-01T00:00:00Z");
        Set<String> configured = Set.of("calendly.webhook.debug", "calendly.webhook.allowed-ips",
                "calendly.webhook.previous-secrets");

        SetupGuideVariables variables = SetupGuideVariables.read(environment::get, configured::contains);

        assertThat(variables.properties()).isEmpty();
        assertThat(variables.notes()).hasSize(2).noneMatch(note -> note.contains("old-key-0123456789"));
    }

    @Test
    void previousSecretShouldBecomeTheFirstListEntry() {
        SetupGuideVariables variables = SetupGuideVariables.read(Map.of("CALENDLY_WEBHOOK_PREVIOUS_SECRET", "old-key",
                "CALENDLY_WEBHOOK_PREVIOUS_SECRET_EXPIRES_AT", "2030-01-01T00:00:00Z")::get, key -> false);

        assertThat(variables.properties()).containsExactly(
                Map.entry("calendly.webhook.previous-secrets[0].secret", "old-key"),
                Map.entry("calendly.webhook.previous-secrets[0].expires-at", "2030-01-01T00:00:00Z"));
    }

    @Test
    void unreadableExpiryShouldNameTheVariable() {
        assertThatThrownBy(() -> SetupGuideVariables.read(Map.of("CALENDLY_WEBHOOK_PREVIOUS_SECRET", "old-key",
                "CALENDLY_WEBHOOK_PREVIOUS_SECRET_EXPIRES_AT", "tomorrow")::get, key -> false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CALENDLY_WEBHOOK_PREVIOUS_SECRET_EXPIRES_AT").hasMessageNotContaining("old-key");
    }

    @Test
    void noVariablesShouldContributeNothing() {
        SetupGuideVariables variables = SetupGuideVariables.read(name -> null, key -> false);

        assertThat(variables.properties()).isEmpty();
        assertThat(variables.notes()).isEmpty();
    }
}
