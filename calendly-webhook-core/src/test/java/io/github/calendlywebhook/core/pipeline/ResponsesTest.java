package io.github.calendlywebhook.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.calendlywebhook.core.delivery.Outcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponsesTest {

    @Test
    void escapesEveryCharacterThatCouldBreakTheJson() throws Exception {
        String message = "quote \" backslash \\ newline \n tab \t nul \u0000 tag <script> \u2028 \uD83D\uDE00";

        WebhookResponse response = Responses.error(Outcome.MALFORMED_PAYLOAD, message, Map.of());

        JsonNode json = new ObjectMapper().readTree(response.body());
        assertThat(json.path("error").asText()).isEqualTo("malformed_payload");
        assertThat(json.path("message").asText()).isEqualTo(message);
        assertThat(response.body()).doesNotContain("<script>").doesNotContain("\n");
    }

    @Test
    void answersWithTheOutcomeStatusAndHeaders() {
        WebhookResponse response = Responses.error(Outcome.RATE_LIMITED, "slow down", Map.of("Retry-After", "7"));

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.headers()).containsExactly(Map.entry("Retry-After", "7"));
    }
}
