package io.github.calendlywebhook.dashboard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.calendlywebhook.core.signature.SignatureVerifier;
import io.github.calendlywebhook.core.signature.WebhookSigner;
import io.github.calendlywebhook.test.SignedPayloads;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The packaged dashboard behind a reverse proxy running its shipped configuration, TLS terminated by
 * the proxy with a certificate made for the test. Clients connect from distinct loopback addresses;
 * the dashboard trusts only 127.0.0.1 (the proxy) and allows 127.0.0.2 and 127.0.0.4, with the
 * default rate limits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProxiedDashboardContract {

    static final String ALLOWED = "127.0.0.2";
    static final String REFUSED = "127.0.0.3";
    static final String OTHER_ALLOWED = "127.0.0.4";
    static final String WEBHOOK = "/api/webhooks/calendly";

    private final ReverseProxy.Kind kind;
    private final WebhookSigner signer = new WebhookSigner(DashboardProcess.SECRET, Clock.systemUTC());
    private Path dir;
    private SelfSignedCertificate certificate;
    private DashboardProcess dashboard;
    private ReverseProxy proxy;
    private TlsClient client;

    ProxiedDashboardContract(ReverseProxy.Kind kind) {
        this.kind = kind;
    }

    @BeforeAll
    void startTheDashboardBehindTheProxy() throws Exception {
        dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "proxied")), kind.name().toLowerCase())
                .toAbsolutePath();
        dashboard = DashboardProcess.start(dir, "dashboard", Map.of("ALLOWED_IPS", ALLOWED + "/32," + OTHER_ALLOWED + "/32",
                "CALENDLY_WEBHOOK_RATE_LIMIT_ENABLED", "true", "SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES", "127\\.0\\.0\\.1",
                "SPRING_DATASOURCE_URL", "jdbc:h2:mem:proxied"));
        certificate = SelfSignedCertificate.generate(dir.resolve("tls"));
        proxy = ReverseProxy.start(kind, dir.resolve("proxy"), certificate, dashboard.base().getPort());
        client = new TlsClient(certificate.clientContext(), SelfSignedCertificate.HOST, proxy.port());
    }

    @AfterAll
    void stopBothAndCheckTheLog() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (dashboard != null) {
            dashboard.close();
            Numbers.assertNoSecretLogged(dashboard);
        }
    }

    @Test
    void theAllowlistSeesTheAddressThatConnectedToTheProxy() throws Exception {
        TlsClient.Response allowed = deliver(ALLOWED, signedBooking());
        TlsClient.Response refused = deliver(REFUSED, signedBooking());

        assertThat(allowed.status()).as(proxy.logText()).isEqualTo(200);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("\"error\":\"forbidden\"");
    }

    @Test
    void pagesWithoutABodyPassThroughTheProxy() throws Exception {
        TlsClient.Response metrics = client.get(REFUSED, "/api/metrics?period=all");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("bookedAppointments");
    }

    @Test
    void forwardingHeadersAClientSendsCannotChooseItsAddress() throws Exception {
        TlsClient.Response forged = deliver(REFUSED, signedBooking(), "X-Forwarded-For", ALLOWED,
                "Forwarded", "for=" + ALLOWED, "X-Real-IP", ALLOWED);

        assertThat(forged.status()).isEqualTo(403);
    }

    @Test
    void theApplicationGetsTheConnectingAddressTheExactBodyAndNoForwardedHeaderOfTheClient() throws Exception {
        AtomicReference<Map<String, List<String>>> headers = new AtomicReference<>();
        AtomicReference<byte[]> received = new AtomicReference<>();
        HttpServer echo = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        echo.createContext("/", exchange -> {
            headers.set(Map.copyOf(exchange.getRequestHeaders()));
            received.set(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        echo.start();
        byte[] body = unusualBytes(signedBooking());
        try (ReverseProxy inFrontOfEcho = ReverseProxy.start(kind, dir.resolve("echo-proxy"), certificate,
                echo.getAddress().getPort())) {
            TlsClient echoClient = new TlsClient(certificate.clientContext(), SelfSignedCertificate.HOST, inFrontOfEcho.port());

            echoClient.post(ALLOWED, WEBHOOK, body, "X-Forwarded-For", "203.0.113.9", "Forwarded", "for=203.0.113.9");
        } finally {
            echo.stop(0);
        }

        assertThat(headers.get().get("X-forwarded-for")).containsExactly(ALLOWED);
        assertThat(headers.get()).doesNotContainKey("Forwarded");
        assertThat(received.get()).isEqualTo(body);
    }

    @Test
    void aSignedDeliveryPassesByteForByte() throws Exception {
        TlsClient.Response response = deliver(ALLOWED, unusualBytes(signedBooking()), "Forwarded", "for=127.0.0.9");

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheApplicationsLimitIsRefusedByTheApplication() throws Exception {
        TlsClient.Response response = deliver(ALLOWED, padded(300 * 1024));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body()).contains("\"error\":\"payload_too_large\"");
    }

    @Test
    void aBodyOverTheProxysLimitIsRefusedByTheProxy() throws Exception {
        TlsClient.Response response = deliver(ALLOWED, padded(600 * 1024));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body()).doesNotContain("payload_too_large");
    }

    @Test
    void theRateLimiterCountsEachRealClientApart() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        TlsClient.Response last = null;
        while (statuses.size() < 15 && !statuses.contains(429)) {
            last = deliver(OTHER_ALLOWED, signedBooking());
            statuses.add(last.status());
        }

        TlsClient.Response disguised = deliver(OTHER_ALLOWED, signedBooking(), "X-Forwarded-For", ALLOWED);
        TlsClient.Response neighbour = deliver(ALLOWED, signedBooking());

        assertThat(statuses).startsWith(200).endsWith(429);
        assertThat(last.headers()).containsKey("retry-after");
        assertThat(disguised.status()).isEqualTo(429);
        assertThat(neighbour.status()).isEqualTo(200);
    }

    private TlsClient.Response deliver(String from, byte[] body, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = SignatureVerifier.HEADER;
        all[1] = signer.sign(body);
        System.arraycopy(headers, 0, all, 2, headers.length);
        return client.post(from, WEBHOOK, body, all);
    }

    private static byte[] signedBooking() {
        return SignedPayloads.inviteeCreated(SignedPayloads.newInviteeUri() + "-" + UUID.randomUUID());
    }

    /** The delivery with non-ASCII text, a CR LF and tabs that a proxy re-encoding the body would change. */
    private static byte[] unusualBytes(byte[] delivery) {
        String json = new String(delivery, StandardCharsets.UTF_8);
        return ("{\"note\" :\t\"Zoë ☃ 中文 \\u00e9\",\r\n\t" + json.substring(1) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] padded(int size) {
        byte[] delivery = signedBooking();
        String json = new String(delivery, StandardCharsets.UTF_8);
        String padding = "x".repeat(Math.max(0, size - delivery.length - 20));
        return ("{\"padding\":\"" + padding + "\"," + json.substring(1)).getBytes(StandardCharsets.UTF_8);
    }
}
