package io.github.calendlywebhook.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.dashboard.support.Browserless;
import io.github.calendlywebhook.test.SignedPayloads;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The admin panel's protections over real HTTP: login, throttling, CSRF, cookies and headers; and the
 * webhook endpoint's own filter chain, which sends the same headers and opens no session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:admin-security;DB_CLOSE_DELAY=-1",
        "dashboard.admin-password=correct horse battery staple",
        "calendly.webhook.secret=admin-security-secret",
        "dashboard.login-free-failures=3" })
class AdminSecurityTest {

    private static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void wrongPasswordsThroughAnEncodedLoginPathCountTowardsTheSameThrottle() {
        Browserless attacker = new Browserless(port, "198.51.100.16");
        for (int i = 0; i < 3; i++) {
            String token = attacker.csrfFrom("/admin/login");
            attacker.postForm("/admin/%6cogin", Map.of("username", "admin", "password", "guess-" + i, "_csrf", token));
        }

        HttpResponse<String> throttled = attacker.login(PASSWORD);

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(attacker.get("/admin").statusCode()).isEqualTo(302);
    }

    @Test
    void everyLoginAttemptAllowedOrThrottledIsAuditedWithoutThePassword() {
        Browserless client = new Browserless(port, "198.51.100.17");
        for (int i = 0; i < 4; i++) {
            client.login("audited-guess-" + i);
        }

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT action, detail FROM calendly_audit"
                + " WHERE client_address = '198.51.100.17' ORDER BY id");

        assertThat(rows).extracting(row -> row.get("action")).containsExactly("admin.login.failure",
                "admin.login.failure", "admin.login.failure", "admin.login.throttled");
        assertThat(rows.toString()).doesNotContain("audited-guess");
    }

    @Test
    void loginWithTheAdminPasswordShouldOpenTheAdminPanelWithANewSessionId() {
        Browserless admin = new Browserless(port, "198.51.100.10");
        admin.get("/admin/login");
        String before = admin.cookie("DASHBOARD_SESSION");

        HttpResponse<String> login = admin.login(PASSWORD);

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
        assertThat(admin.cookie("DASHBOARD_SESSION")).isNotNull().isNotEqualTo(before);
        assertThat(admin.get("/admin").statusCode()).isEqualTo(200);
    }

    @Test
    void loginWithAWrongPasswordShouldBeRefused() {
        Browserless stranger = new Browserless(port, "198.51.100.11");

        HttpResponse<String> login = stranger.login("guess");

        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("error"));
        assertThat(stranger.get("/admin").statusCode()).isEqualTo(302);
    }

    @Test
    void repeatedLoginAttemptsFromOneAddressShouldBeThrottledEvenWithTheRightPassword() {
        Browserless attacker = new Browserless(port, "198.51.100.12");
        for (int i = 0; i < 3; i++) {
            attacker.login("guess-" + i);
        }

        HttpResponse<String> throttled = attacker.login(PASSWORD);

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void throttlingOneAddressShouldNotLockTheAdminOutFromAnother() {
        Browserless attacker = new Browserless(port, "198.51.100.13");
        for (int i = 0; i < 4; i++) {
            attacker.login("guess-" + i);
        }

        HttpResponse<String> admin = new Browserless(port, "198.51.100.14").login(PASSWORD);

        assertThat(admin.statusCode()).isEqualTo(302);
        assertThat(admin.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
    }

    @Test
    void loginWithoutCsrfTokenShouldBeRejected() {
        Browserless forger = new Browserless(port, "198.51.100.15");

        HttpResponse<String> login = forger.postForm("/admin/login", Map.of("username", "admin", "password", PASSWORD));

        assertThat(login.statusCode()).isEqualTo(403);
    }

    @Test
    void settingsFormWithoutCsrfTokenShouldBeRejectedForALoggedInAdmin() {
        Browserless admin = new Browserless(port, "198.51.100.16");
        admin.login(PASSWORD);

        HttpResponse<String> save = admin.postForm("/admin/settings",
                Map.of("valuePerBooking", "1", "currency", "USD", "timezone", "UTC"));

        assertThat(save.statusCode()).isEqualTo(403);
    }

    @Test
    void testWebhookWithoutCsrfTokenShouldBeRejectedForALoggedInAdmin() {
        Browserless admin = new Browserless(port, "198.51.100.17");
        admin.login(PASSWORD);

        HttpResponse<String> send = admin.send(admin.request("/admin/api/test-webhook")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());

        assertThat(send.statusCode()).isEqualTo(403);
    }

    @Test
    void sessionCookieShouldBeHttpOnlyAndSameSiteStrict() {
        Browserless admin = new Browserless(port, "198.51.100.18");

        List<String> cookies = admin.get("/admin/login").headers().allValues("Set-Cookie");

        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("DASHBOARD_SESSION=").contains("HttpOnly")
                .contains("SameSite=Strict").doesNotContain("Secure"));
    }

    @Test
    void sessionCookieBehindAnHttpsProxyShouldBeSecure() {
        Browserless admin = new Browserless(port, "198.51.100.19");

        List<String> cookies = admin.send(admin.request("/admin/login").header("X-Forwarded-Proto", "https").GET()
                .build()).headers().allValues("Set-Cookie");

        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("DASHBOARD_SESSION=").contains("Secure")
                .contains("HttpOnly"));
    }

    @Test
    void pagesShouldCarryAContentSecurityPolicyWithoutInlineScripts() {
        Browserless visitor = new Browserless(port, "198.51.100.20");

        for (String path : List.of("/admin/login", "/", "/api/metrics")) {
            assertThat(visitor.get(path).headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'")
                            .doesNotContain("unsafe-inline").contains("frame-ancestors 'none'"));
        }
    }

    @Test
    void aDeliveryShouldCarryTheSameHeadersAndOpenNoSession() {
        Browserless calendly = new Browserless(port, "198.51.100.23");

        HttpResponse<String> delivery = calendly.postSigned("admin-security-secret", SignedPayloads.inviteeCreated());

        assertThat(delivery.statusCode()).isEqualTo(200);
        assertThat(delivery.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        assertThat(delivery.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(delivery.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(delivery.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void dashboardShouldNeedALoginWhenNotPublic() {
        Browserless visitor = new Browserless(port, "198.51.100.21");

        assertThat(visitor.get("/api/metrics").statusCode()).isEqualTo(401);
        assertThat(visitor.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void logoutShouldEndTheSession() {
        Browserless admin = new Browserless(port, "198.51.100.22");
        admin.login(PASSWORD);
        String token = admin.csrfFrom("/admin");

        admin.postForm("/admin/logout", Map.of("_csrf", token));

        assertThat(admin.get("/admin").statusCode()).isEqualTo(302);
    }
}
