package io.github.calendlywebhook.core.signature.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.test.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignCommandTest {

    private static final String BODY = "{\"event\":\"invitee.created\"}";
    /** {@code printf '%s' '1700000000.{"event":"invitee.created"}' | openssl dgst -sha256 -hmac 'old-secret'} */
    private static final String EXPECTED = "t=1700000000,v1=a3ad5ac877f837ad71b719edd958869f62f9ab47fbe50e34549e6a95c241d9f1";

    private final MutableClock clock = MutableClock.atEpochSecond(1_700_000_000L);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String stdin, String... args) {
        return SignCommand.run(args, env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                clock);
    }

    @Test
    void signsStandardInputAtTheCurrentSecond() {
        int status = run(Map.of("CALENDLY_WEBHOOK_SECRET", "old-secret"), BODY);

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).trim()).isEqualTo(EXPECTED);
    }

    @Test
    void signsAFileAtAGivenTimestamp(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("body.json"), BODY);
        clock.advance(java.time.Duration.ofDays(1));

        int status = run(Map.of("CALENDLY_WEBHOOK_SECRET", "old-secret"), "", "--timestamp", "1700000000",
                file.toString());

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).trim()).isEqualTo(EXPECTED);
    }

    @Test
    void refusesToRunWithoutASecret() {
        int status = run(Map.of(), BODY);

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("CALENDLY_WEBHOOK_SECRET");
        assertThat(out.size()).isZero();
    }

    @Test
    void printsUsageForUnknownOptions() {
        int status = run(Map.of("CALENDLY_WEBHOOK_SECRET", "s3cret"), BODY, "--secret", "x");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage").doesNotContain("s3cret");
    }

    @Test
    void reportsAnUnreadableFile(@TempDir Path dir) {
        int status = run(Map.of("CALENDLY_WEBHOOK_SECRET", "s3cret"), "", dir.resolve("missing.json").toString());

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read").doesNotContain("s3cret");
    }

    @Test
    void printsAReadyToRunCurlCommandForAnEndpoint(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("body.json"), BODY);

        int status = run(Map.of("CALENDLY_WEBHOOK_SECRET", "old-secret"), "", "sign", "--url",
                "http://localhost:8080/api/webhooks/calendly", file.toString());

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).trim()).isEqualTo(
                "curl -sS -X POST 'http://localhost:8080/api/webhooks/calendly' -H 'Content-Type: application/json'"
                        + " -H 'Calendly-Webhook-Signature: " + EXPECTED + "' --data-binary '@" + file + "'");
    }

    @Test
    void readsTheSecretFromANamedVariable() {
        int status = run(Map.of("MY_SIGNING_KEY", "old-secret"), BODY, "--secret-env", "MY_SIGNING_KEY");

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).trim()).isEqualTo(EXPECTED);
    }

    @Test
    void refusesACurlCommandWithoutABodyFile() {
        int status = run(Map.of("CALENDLY_WEBHOOK_SECRET", "old-secret"), BODY, "--url", "http://localhost/");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("body file");
    }

    @Test
    void quotesShellWordsContainingSingleQuotes() {
        assertThat(SignCommand.quote("it's")).isEqualTo("'it'\\''s'");
    }
}
