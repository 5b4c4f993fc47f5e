package io.github.calendlywebhook.dashboard.calendly;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.calendlywebhook.dashboard.support.Browserless;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Register and Rotate without {@code DASHBOARD_PUBLIC_URL}: they refuse to run, whatever {@code Host} the
 * request names, so a forged Host cannot move the Calendly subscription elsewhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:subscriptions-no-public-url;DB_CLOSE_DELAY=-1",
        "dashboard.admin-password=no-public-url-password",
        "calendly.webhook.secret=configured-secret",
        "dashboard.calendly.api-token=" + CalendlyStubs.TOKEN,
        "dashboard.calendly.check-interval=0s" })
class SubscriptionsWithoutPublicUrlTest {

    @RegisterExtension
    static WireMockExtension calendly = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @DynamicPropertySource
    static void calendlyApi(DynamicPropertyRegistry registry) {
        registry.add("dashboard.calendly.api-base-url", () -> "http://127.0.0.1:" + calendly.getPort());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private Browserless admin;

    @BeforeEach
    void logIn() {
        CalendlyStubs.me(calendly);
        CalendlyStubs.subscriptionPages(calendly, List.of());
        CalendlyStubs.create(calendly, "HIJACK");
        admin = new Browserless(port, "198.51.100.80");
        admin.login("no-public-url-password");
    }

    @Test
    void registerWithAForgedHostHeaderRefusesAndCreatesNoSubscription() throws IOException {
        String token = admin.csrfFrom("/admin/subscriptions");

        String answer = rawPost("/admin/subscriptions/register", "attacker.example", token);

        assertThat(answer).startsWith("HTTP/1.1 302");
        assertThat(calendly.findAll(WireMock.postRequestedFor(WireMock.urlPathEqualTo("/webhook_subscriptions"))))
                .isEmpty();
        assertThat(admin.get("/admin/subscriptions").body()).contains("Set DASHBOARD_PUBLIC_URL to the public https://");
        assertThat(jdbc.queryForList("SELECT detail FROM calendly_audit WHERE action = ?", String.class,
                SubscriptionsController.REGISTER)).contains("refused: DASHBOARD_PUBLIC_URL is not set");
    }

    @Test
    void rotateWithAForgedForwardedHostRefusesAndCreatesNoSubscription() {
        String token = admin.csrfFrom("/admin/subscriptions");

        int status = admin.send(admin.request("/admin/subscriptions/rotate")
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-Host", "attacker.example")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + token)).build()).statusCode();

        assertThat(status).isEqualTo(302);
        assertThat(calendly.findAll(WireMock.postRequestedFor(WireMock.urlPathEqualTo("/webhook_subscriptions"))))
                .isEmpty();
        assertThat(admin.get("/admin/subscriptions").body()).contains("Set DASHBOARD_PUBLIC_URL");
    }

    @Test
    void pageSaysWhatToSetAndShowsNoAddressTakenFromTheRequest() {
        String page = admin.get("/admin/subscriptions").body();

        assertThat(page).contains("id=\"public-url-missing\"", "DASHBOARD_PUBLIC_URL", "id=\"keys-in-clear\"",
                        "DASHBOARD_ENCRYPTION_KEY")
                .doesNotContain("127.0.0.1:" + port + "/api/webhooks");
    }

    private String rawPost(String path, String host, String csrf) throws IOException {
        String body = "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        String request = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nX-Forwarded-For: 198.51.100.80\r\n"
                + "Cookie: DASHBOARD_SESSION=" + admin.cookie("DASHBOARD_SESSION") + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
