package io.github.calendlywebhook.core.signature.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.core.servlet.CalendlyWebhookServlet;
import io.github.calendlywebhook.core.store.InMemoryEventStore;
import io.github.calendlywebhook.test.SignedPayloads;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the curl command the signing tool prints, as the setup guide tells users to, against a live
 * endpoint: the seed guide's manual test must be accepted once and then recognised as a duplicate.
 */
class SignCommandCurlTest {

    private static final String SECRET = "curl-test-secret-0123456789abcdef";

    private final InMemoryEventStore store = new InMemoryEventStore();
    private Server server;
    private String endpoint;

    @BeforeEach
    void startEndpoint() throws Exception {
        WebhookProcessor processor = WebhookProcessor.builder(WebhookSettings.builder().secret(SECRET).build())
                .store(store)
                .build();
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new CalendlyWebhookServlet(processor)), WebhookSettings.DEFAULT_PATH);
        server.setHandler(context);
        server.start();
        endpoint = "http://127.0.0.1:" + connector.getLocalPort() + WebhookSettings.DEFAULT_PATH;
    }

    @AfterEach
    void stopEndpoint() throws Exception {
        server.stop();
    }

    @Test
    void printedCurlCommandDeliversTheSeedPayloadOnceAndThenAsADuplicate(@TempDir Path dir) throws Exception {
        Path payload = dir.resolve("payload.json");
        Files.write(payload, SignedPayloads.seedCurlInviteeCreated());
        String curl = printCurl(payload);

        String first = runShell(curl);
        String second = runShell(curl);

        assertThat(first).contains("\"status\":\"accepted\"");
        assertThat(second).contains("\"status\":\"duplicate\"");
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void printedCurlCommandWithAnotherSecretIsRejected(@TempDir Path dir) throws Exception {
        Path payload = Files.writeString(dir.resolve("payload.json"), "{\"event\":\"invitee.created\",\"payload\":{}}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = SignCommand.run(new String[] {"sign", "--url", endpoint, payload.toString()},
                Map.of("CALENDLY_WEBHOOK_SECRET", "not-the-endpoint-secret"), InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Clock.systemUTC());

        String answer = runShell(out.toString(StandardCharsets.UTF_8).trim());

        assertThat(status).isZero();
        assertThat(answer).contains("\"error\":\"invalid_signature\"").doesNotContain(SECRET);
        assertThat(store.size()).isZero();
    }

    private String printCurl(Path payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = SignCommand.run(new String[] {"sign", "--url", endpoint, payload.toString()},
                Map.of("CALENDLY_WEBHOOK_SECRET", SECRET), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Clock.systemUTC());
        assertThat(status).isZero();
        return out.toString(StandardCharsets.UTF_8).trim();
    }

    private static String runShell(String command) throws Exception {
        Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("curl finished").isTrue();
        assertThat(process.exitValue()).as("curl exit status").isZero();
        return new String(output, StandardCharsets.UTF_8);
    }
}
