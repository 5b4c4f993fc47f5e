package io.github.calendlywebhook.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.calendlywebhook.test.RawClient;
import java.io.IOException;

/** Assertions every response to hostile input must pass, whatever its status. */
public final class ResponseChecks {

    private ResponseChecks() {
    }

    /**
     * Asserts a response is no server error, leaks no stack trace or secret, and that a rejection has
     * the {@code {"error","message"}} body.
     *
     * @param name the case, for failure messages
     * @param response the response
     * @param secrets texts that must never appear in it
     */
    public static void assertSafe(String name, RawClient.Response response, String... secrets) throws IOException {
        assertThat(response.status()).as(name + " -> " + response.body()).isBetween(200, 499);
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "at java.", "at io.github.", "at org.");
        for (String secret : secrets) {
            assertThat(response.body()).doesNotContain(secret);
            assertThat(response.headers().toString()).doesNotContain(secret);
        }
        if (response.status() >= 400) {
            JsonNode body = HostileBodies.JSON.readTree(response.body());
            assertThat(body.path("error").isTextual()).as(response.body()).isTrue();
            assertThat(body.path("message").isTextual()).as(response.body()).isTrue();
        }
    }
}
