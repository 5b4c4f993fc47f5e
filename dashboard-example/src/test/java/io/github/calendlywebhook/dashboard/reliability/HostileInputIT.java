package io.github.calendlywebhook.dashboard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.core.reliability.HostileCase;
import io.github.calendlywebhook.core.reliability.HostileCorpus;
import io.github.calendlywebhook.core.reliability.ResponseChecks;
import io.github.calendlywebhook.test.RawClient;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The core's hostile-input corpus, sent byte for byte to the packaged dashboard: each case gets its
 * expected status through Tomcat, Spring Security and the starter, never a 5xx, a stack trace or a
 * secret, and nothing the process writes carries a secret. Request shapes no page expects (multipart
 * bodies, unknown charsets, undecodable parameters, oversized headers) get a JSON error, and afterwards the
 * process log holds no ERROR line and no stack trace.
 */
class HostileInputIT {

    @TempDir
    static Path workDir;
    static DashboardProcess dashboard;

    static List<HostileCase> corpus() {
        return HostileCorpus.cases(DashboardProcess.SECRET, WebhookSettings.DEFAULT_MAX_BODY_SIZE);
    }

    @BeforeAll
    static void startDashboard() throws Exception {
        dashboard = DashboardProcess.start(workDir, "hostile", Map.of("SPRING_DATASOURCE_URL", "jdbc:h2:mem:hostile"));
    }

    @AfterAll
    static void stopDashboardAndCheckItsLogIsQuiet() {
        dashboard.close();
        assertQuietLog(dashboard.logText());
    }

    /** Requests no page of the dashboard expects, each with the status it must get. */
    static List<Object[]> unexpectedShapes() {
        String multipart = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--b--\r\n";
        String manyParameters = IntStream.range(0, 20_000).mapToObj(i -> "p" + i + "=v")
                .collect(Collectors.joining("&"));
        List<Object[]> shapes = new ArrayList<>();
        for (String path : List.of("/api/webhooks/calendly/", "/admin/settings", "/admin/login", "/admin/%6cogin",
                "/api/leads", "/api/metrics", "/", "/nowhere", "/admin/subscriptions/register")) {
            shapes.add(new Object[] {"POST", path, "multipart/form-data; boundary=b", multipart, 415});
        }
        shapes.add(new Object[] {"POST", "/admin/settings", "multipart/form-data", "x", 415});
        shapes.add(new Object[] {"PUT", "/admin/login", "multipart/mixed; boundary=b", multipart, 415});
        shapes.add(new Object[] {"POST", "/admin/login", "application/x-www-form-urlencoded; charset=bogus-9", "a=b",
                415});
        shapes.add(new Object[] {"POST", "/admin/login", "application/x-www-form-urlencoded", "a=%zz&b=%", 400});
        shapes.add(new Object[] {"POST", "/admin/login", "application/x-www-form-urlencoded", manyParameters, 400});
        shapes.add(new Object[] {"GET", "/api/metrics?period=%ff", null, "", 400});
        shapes.add(new Object[] {"GET", "/api/stream?period=%zz", null, "", 400});
        return shapes;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("unexpectedShapes")
    void refusesEachUnexpectedRequestShapeWithAJsonError(String method, String path, String contentType, String body,
            int expected) throws Exception {
        String answer = raw(method, path, contentType, body.getBytes(StandardCharsets.UTF_8));

        assertThat(answer).startsWith("HTTP/1.1 " + expected);
        assertThat(answer).contains("application/json").containsPattern("\\{\"error\":\"[a-z_]+\",\"message\":");
    }

    @Test
    void anOversizedHeaderIsRefusedWithAJsonErrorAndWithoutAStackTrace() throws Exception {
        String answer = raw("GET", "/", null, new byte[0], "X-Padding: " + "a".repeat(20_000));

        assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/json")
                .contains("{\"error\":\"bad_request\"").doesNotContain("<html").doesNotContain("Apache Tomcat");
        assertQuietLog(dashboard.logText());
    }

    static void assertQuietLog(String log) {
        assertThat(log).as("the dashboard's log").doesNotContainPattern("(?m)^\\S+\\s+ERROR\\s")
                .doesNotContainPattern("(?m)^\\s+at [A-Za-z_$][\\w.$]*\\(")
                .doesNotContainPattern("(?m)^[\\w.$]+(Exception|Error)(: |$)");
    }

    private String raw(String method, String pathAndQuery, String contentType, byte[] body, String... headers)
            throws Exception {
        StringBuilder head = new StringBuilder(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\nConnection: close\r\nContent-Length: ").append(body.length).append("\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket(dashboard.base().getHost(), dashboard.base().getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void answersEachHostileRequestWithItsExpectedStatusAndASafeBody(HostileCase hostile) throws Exception {
        RawClient.Response response = RawClient.send(dashboard.webhook(), hostile.request().get());

        ResponseChecks.assertSafe(hostile.name(), response, DashboardProcess.SECRET, DashboardProcess.ADMIN_PASSWORD,
                DashboardProcess.LEADS_TOKEN);
        assertThat(response.status()).as(hostile.name() + " -> " + response.body()).isEqualTo(hostile.expectedStatus());
    }

    @Test
    void processOutputNeverCarriesASecret() {
        Numbers.assertNoSecretLogged(dashboard);
    }
}
