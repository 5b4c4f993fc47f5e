package io.github.calendlywebhook.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.test.ConformanceSettings;
import io.github.calendlywebhook.test.SignedPayloads;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Debug mode logs every delivery in detail (slf4j-simple writes to standard error in tests). */
class DebugLoggingTest {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final ProcessorFixture fixture = new ProcessorFixture();
    private final WebhookProcessor processor = fixture.builder(ConformanceSettings.settings().toBuilder()
            .debug(true).build()).build();
    private PrintStream original;

    @BeforeEach
    void captureStandardError() {
        original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStandardError() {
        System.setErr(original);
    }

    @Test
    void logsTheOutcomeEventAndSignatureTimestamp() {
        byte[] body = SignedPayloads.inviteeCreated();
        String signature = SignedPayloads.sign(body, Requests.NOW);

        processor.process(Requests.unsigned(body).header("Calendly-Webhook-Signature", signature).build());

        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("200 accepted").contains("invitee.created")
                .contains("t=" + Requests.NOW.getEpochSecond());
    }

    @Test
    void neverLogsTheSecretOrTheSignatureDigest() {
        byte[] body = SignedPayloads.inviteeCreated();
        String wrong = SignedPayloads.sign("wrong-secret", body, Requests.NOW);
        String right = SignedPayloads.sign(body, Requests.NOW);

        processor.process(Requests.unsigned(body).header("Calendly-Webhook-Signature", wrong).build());
        processor.process(Requests.unsigned(body).header("Calendly-Webhook-Signature", right).build());

        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("401 invalid_signature")
                .doesNotContain(ConformanceSettings.SECRET)
                .doesNotContain(wrong.substring(wrong.indexOf("v1=")))
                .doesNotContain(right.substring(right.indexOf("v1=")));
    }

    @Test
    void keepsControlCharactersOfTheBodyOutOfTheLog() {
        byte[] body = ("{\"event\":\"invitee.created\",\"payload\":{\"uri\":\"u\\nFAKE 200 accepted\"}}")
                .getBytes(StandardCharsets.UTF_8);

        processor.process(Requests.signed(body).build());

        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("\nFAKE").contains("u?FAKE");
    }
}
