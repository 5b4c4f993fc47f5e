package io.github.calendlywebhook.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.core.servlet.CalendlyWebhookServlet;
import io.github.calendlywebhook.test.RawClient;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sends the whole {@link HostileCorpus} over real HTTP to the servlet in an embedded Jetty, with debug
 * logging on and standard output and error captured (slf4j-simple logs to standard error in tests): each case gets its expected status, never a 5xx, never a
 * stack trace or the secret; no log line carries the secret or a full signature (a body digest in an
 * idempotency key, {@code sha256:<hex>}, is not a signature).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {

    static final String SECRET = "hostile-suite-secret-7f3a9c1e5b";
    private static final Pattern FULL_DIGEST = Pattern.compile("[0-9a-fA-F]{64}");

    private static final ByteArrayOutputStream LOGS = new ByteArrayOutputStream();
    private static Server server;
    private static URI endpoint;
    private static PrintStream originalOut;
    private static PrintStream originalErr;

    static List<HostileCase> corpus() {
        return HostileCorpus.cases(SECRET, WebhookSettings.DEFAULT_MAX_BODY_SIZE);
    }

    @BeforeAll
    static void startJettyAndCaptureLogs() throws Exception {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(new Capture(), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Capture(), true, StandardCharsets.UTF_8));
        WebhookSettings settings = WebhookSettings.builder().secret(SECRET).rateLimitEnabled(false).debug(true).build();
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new CalendlyWebhookServlet(WebhookProcessor.builder(settings).build())),
                "/api/webhooks/calendly");
        server.setHandler(context);
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/api/webhooks/calendly");
    }

    @AfterAll
    static void stopJetty() throws Exception {
        server.stop();
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    @Order(0)
    void corpusHoldsMoreThanAHundredCasesOfEveryOutcome() {
        List<HostileCase> cases = corpus();

        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
        assertThat(cases.stream().map(HostileCase::expectedStatus).collect(Collectors.toSet()))
                .contains(200, 400, 401, 405, 413, 415);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @Order(1)
    void answersEachHostileRequestWithItsExpectedStatusAndASafeBody(HostileCase hostile) throws Exception {
        RawClient.Response response = RawClient.send(endpoint, hostile.request().get());

        ResponseChecks.assertSafe(hostile.name(), response, SECRET);
        assertThat(response.status()).as(hostile.name() + " -> " + response.body()).isEqualTo(hostile.expectedStatus());
    }

    @Test
    @Order(2)
    void logsOfTheWholeCorpusNeverCarryTheSecretOrAFullSignature() {
        List<String> lines;
        synchronized (LOGS) {
            lines = LOGS.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList());
        }

        assertThat(lines).isNotEmpty();
        assertThat(lines).noneMatch(line -> line.contains(SECRET));
        assertThat(lines).noneMatch(line -> FULL_DIGEST.matcher(line.replaceAll("sha256:[0-9a-f]{64}", "")).find());
    }

    /** Keeps everything written to the console in {@link #LOGS} instead. */
    private static final class Capture extends OutputStream {

        @Override
        public void write(int b) {
            synchronized (LOGS) {
                LOGS.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (LOGS) {
                LOGS.write(bytes, offset, length);
            }
        }
    }
}
