package io.github.calendlywebhook.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.pipeline.WebhookSettings;
import io.github.calendlywebhook.core.servlet.CalendlyWebhookServlet;
import java.net.URI;
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
import org.slf4j.LoggerFactory;

/**
 * Sends the whole {@link HostileCorpus} over real HTTP to the servlet in an embedded Jetty, with debug
 * logging on and every log event captured: each case gets its expected status, never a 5xx, never a
 * stack trace or the secret; no log line carries the secret or a full signature (a body digest in an
 * idempotency key, {@code sha256:<hex>}, is not a signature).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {

    static final String SECRET = "hostile-suite-secret-7f3a9c1e5b";
    private static final Pattern FULL_DIGEST = Pattern.compile("[0-9a-fA-F]{64}");

    private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();
    private static Server server;
    private static URI endpoint;
    private static Level previousLevel;

    static List<HostileCase> corpus() {
        return HostileCorpus.cases(SECRET, WebhookSettings.DEFAULT_MAX_BODY_SIZE);
    }

    @BeforeAll
    static void startJettyAndCaptureLogs() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previousLevel = root.getLevel();
        root.setLevel(Level.INFO);
        ((Logger) LoggerFactory.getLogger("io.github.calendlywebhook")).setLevel(Level.DEBUG);
        LOGS.start();
        root.addAppender(LOGS);
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
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(LOGS);
        root.setLevel(previousLevel);
        ((Logger) LoggerFactory.getLogger("io.github.calendlywebhook")).setLevel(null);
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

        ResponseChecks.assertSafe(response, SECRET);
        assertThat(response.status()).as(hostile.name() + " -> " + response.body()).isEqualTo(hostile.expectedStatus());
    }

    @Test
    @Order(2)
    void logsOfTheWholeCorpusNeverCarryTheSecretOrAFullSignature() {
        List<String> lines;
        synchronized (LOGS) {
            lines = LOGS.list.stream().map(HostileInputTest::render).collect(Collectors.toList());
        }

        assertThat(lines).isNotEmpty();
        assertThat(lines).noneMatch(line -> line.contains(SECRET));
        assertThat(lines).noneMatch(line -> FULL_DIGEST.matcher(line.replaceAll("sha256:[0-9a-f]{64}", "")).find());
    }

    private static String render(ILoggingEvent event) {
        String thrown = event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy());
        return event.getFormattedMessage() + thrown;
    }
}
