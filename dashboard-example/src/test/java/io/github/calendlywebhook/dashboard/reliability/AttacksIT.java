package io.github.calendlywebhook.dashboard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.calendlywebhook.core.signature.SignatureVerifier;
import io.github.calendlywebhook.core.signature.WebhookSigner;
import io.github.calendlywebhook.test.SignedPayloads;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on the running dashboard. Two instances allow only 203.0.113.0/24 and keep the default rate
 * limits: {@code direct} trusts no proxy, so the test client on loopback is an untrusted client that
 * forges forwarding headers; {@code proxied} trusts loopback as its reverse proxy (Tomcat's default
 * internal proxies), so the test client is the proxy and the last {@code X-Forwarded-For} entry is the
 * address the proxy saw.
 */
class AttacksIT {

    static final String XSS_NAME = "<script>alert('name')</script>";
    static final String XSS_EMAIL = "\"><img src=x onerror=alert('email')>@example.com";
    static final String XSS_EVENT_TYPE = "<svg onload=alert('type')>";
    static final String XSS_ANSWER = "=HYPERLINK(\"http://attacker.example/\",\"click\")";
    static final String XSS_REASON = "@SUM(1+1)*cmd|' /C calc'!A0";
    static final String XSS_URI_TAIL = "<img src=x onerror=alert('uri')>";
    static final List<String> LOGIN_SPELLINGS = List.of("/admin/login", "/admin/%6cogin", "/%61dmin/login",
            "/admin/login/", "/admin/login;x=y", "//admin/login", "/ADMIN/LOGIN", "/Admin/Login", "/admin/LOGIN",
            "/admin/%4cOGIN", "/%41DMIN/login");

    @TempDir
    static Path workDir;
    static DashboardProcess direct;
    static DashboardProcess proxied;
    private final WebhookSigner signer = new WebhookSigner(DashboardProcess.SECRET, Clock.systemUTC());

    @BeforeAll
    static void startDashboards() throws Exception {
        direct = DashboardProcess.start(workDir, "attacks-direct", Map.of("ALLOWED_IPS", "203.0.113.0/24",
                "CALENDLY_WEBHOOK_RATE_LIMIT_ENABLED", "true", "SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES", "192\\.0\\.2\\.1",
                "SPRING_DATASOURCE_URL", "jdbc:h2:mem:direct"));
        proxied = DashboardProcess.start(workDir, "attacks-proxied", Map.of("ALLOWED_IPS", "203.0.113.0/24",
                "CALENDLY_WEBHOOK_RATE_LIMIT_ENABLED", "true", "SPRING_DATASOURCE_URL", "jdbc:h2:mem:proxied"));
    }

    @AfterAll
    static void stopDashboardsAndCheckTheirLogs() {
        direct.close();
        proxied.close();
        Numbers.assertNoSecretLogged(direct);
        Numbers.assertNoSecretLogged(proxied);
    }

    @Test
    void forgedForwardingHeadersFromAnUntrustedClientDoNotPassTheAllowlist() throws Exception {
        Browser attacker = new Browser(direct.base());
        List<Integer> statuses = new ArrayList<>();
        for (String[] forged : List.of(new String[] {"X-Forwarded-For", "203.0.113.5"},
                new String[] {"Forwarded", "for=203.0.113.5"}, new String[] {"X-Real-IP", "203.0.113.5"},
                new String[] {"X-Forwarded-For", "203.0.113.5, 203.0.113.6"})) {
            statuses.add(deliver(attacker, signedBooking(), forged).statusCode());
        }

        assertThat(statuses).containsOnly(403);
    }

    @Test
    void aForgedFirstHopBehindTheTrustedProxyDoesNotPassTheAllowlist() throws Exception {
        Browser proxy = new Browser(proxied.base());

        int forged = deliver(proxy, signedBooking(), "X-Forwarded-For", "203.0.113.5, 198.51.100.7").statusCode();
        int genuine = deliver(proxy, signedBooking(), "X-Forwarded-For", "203.0.113.200").statusCode();

        assertThat(forged).isEqualTo(403);
        assertThat(genuine).isEqualTo(200);
    }

    @Test
    void rotatingForgedAddressesBehindTheProxyStillHitsOneClientsRateLimit() throws Exception {
        Browser proxy = new Browser(proxied.base());
        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            statuses.add(deliver(proxy, signedBooking(), "X-Forwarded-For", "203.0.113." + i + ", 203.0.113.77")
                    .statusCode());
        }

        assertThat(statuses.subList(0, 10)).containsOnly(200);
        assertThat(statuses.subList(10, 12)).containsOnly(429);
    }

    @Test
    void adminLoginIsThrottledWhateverAddressTheClientClaims() throws Exception {
        Browser attacker = new Browser(direct.base());
        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            statuses.add(attacker.login("guess-" + i, "X-Forwarded-For", "198.51.100." + i).statusCode());
        }
        int withRightPassword = attacker.login(DashboardProcess.ADMIN_PASSWORD).statusCode();

        assertThat(statuses.subList(0, 5)).containsOnly(302);
        assertThat(statuses.subList(5, 8)).containsOnly(429);
        assertThat(withRightPassword).isEqualTo(429);
    }

    @Test
    void noSpellingOfTheLoginPathEscapesTheThrottleOrLogsInOnceTheLimitIsReached() throws Exception {
        Browser attacker = new Browser(proxied.base());
        String[] from = {"X-Forwarded-For", "203.0.113.90"};
        List<Integer> free = new ArrayList<>();
        for (String path : List.of("/admin/%6cogin", "/%61dmin/login", "/admin/%6cogin", "/%61dmin/login",
                "/admin/login")) {
            free.add(attacker.loginAt(path, "guess-" + path, from).statusCode());
        }
        List<HttpResponse<String>> afterLimit = new ArrayList<>();
        for (String path : LOGIN_SPELLINGS) {
            afterLimit.add(attacker.loginAt(path, "guess-again", from));
            afterLimit.add(attacker.loginAt(path, DashboardProcess.ADMIN_PASSWORD, from));
        }

        assertThat(free).containsOnly(302);
        assertThat(afterLimit).allSatisfy(response -> assertThat(response.statusCode() == 302
                && !response.headers().firstValue("Location").orElse("").contains("/admin/login"))
                .as(response.uri() + " -> " + response.statusCode() + " " + response.headers().map()).isFalse());
        assertThat(afterLimit).noneMatch(response -> response.headers().firstValue("Location").orElse("")
                .contains("error"));
        assertThat(afterLimit).filteredOn(response -> response.uri().getRawPath().matches("/(admin/%6cogin|%61dmin/login)"))
                .isNotEmpty().allSatisfy(response -> {
                    assertThat(response.statusCode()).isEqualTo(429);
                    assertThat(response.headers().firstValue("Retry-After")).isPresent();
                });
        assertThat(attacker.get("/admin", from).statusCode()).isEqualTo(302);
    }

    @Test
    void wrongPasswordsThroughEncodedSpellingsCountTowardsTheSameClient() throws Exception {
        Browser attacker = new Browser(proxied.base());
        String[] from = {"X-Forwarded-For", "203.0.113.91"};
        for (int i = 0; i < 5; i++) {
            attacker.loginAt(i % 2 == 0 ? "/admin/%6cogin" : "/%61dmin/login", "guess-" + i, from);
        }

        HttpResponse<String> rightPassword = attacker.loginAt("/admin/login", DashboardProcess.ADMIN_PASSWORD, from);

        assertThat(rightPassword.statusCode()).isEqualTo(429);
        assertThat(attacker.get("/admin", from).statusCode()).isEqualTo(302);
    }

    @Test
    void everyAdminPostNeedsAValidCsrfToken() throws Exception {
        Browser admin = loggedInAdmin();
        String token = admin.pageToken("/admin/settings");
        Map<String, String> settings = Map.of("valuePerBooking", "100", "currency", "USD", "timezone", "UTC");

        int settingsWithout = admin.postForm("/admin/settings", settings).statusCode();
        int settingsForged = admin.postForm("/admin/settings", withToken(settings, "forged-" + token)).statusCode();
        int testWithout = admin.postJson("/admin/api/test-webhook", new byte[0]).statusCode();
        int testForged = admin.postJson("/admin/api/test-webhook", new byte[0], "X-CSRF-TOKEN", "forged").statusCode();
        List<Integer> subscriptions = new ArrayList<>();
        for (String action : List.of("register", "rotate", "backfill")) {
            subscriptions.add(admin.postForm("/admin/subscriptions/" + action, Map.of()).statusCode());
            subscriptions.add(admin.postForm("/admin/subscriptions/" + action, Map.of("_csrf", "forged")).statusCode());
        }
        int logoutWithout = admin.postForm("/admin/logout", Map.of()).statusCode();
        int settingsWith = admin.postForm("/admin/settings", withToken(settings, token)).statusCode();

        assertThat(List.of(settingsWithout, settingsForged, testWithout, testForged, logoutWithout)).containsOnly(403);
        assertThat(subscriptions).containsOnly(403);
        assertThat(settingsWith).isIn(200, 302, 303);
    }

    @Test
    void theLeadEndpointRecordsOnlyWithItsExactBearerToken() throws Exception {
        Browser client = new Browser(proxied.base());
        byte[] lead = "{\"id\":\"lead-attack-1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String token = DashboardProcess.LEADS_TOKEN;
        List<Integer> refused = new ArrayList<>();
        for (String authorization : List.of("Bearer wrong", "Bearer " + token + "x", "Basic " + token,
                "Bearer " + token.substring(0, token.length() - 1), "Bearer")) {
            refused.add(client.postJson("/api/leads", lead, "X-Forwarded-For", "203.0.113.70",
                    "Authorization", authorization).statusCode());
        }
        int withoutToken = client.postJson("/api/leads", lead, "X-Forwarded-For", "203.0.113.70").statusCode();
        int withToken = client.postJson("/api/leads", lead, "X-Forwarded-For", "203.0.113.70",
                "Authorization", "Bearer " + token).statusCode();

        assertThat(refused).containsOnly(401);
        assertThat(withoutToken).isEqualTo(401);
        assertThat(withToken).isEqualTo(201);
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteAndPagesCarryAStrictContentSecurityPolicy() throws Exception {
        Browser admin = new Browser(proxied.base());
        HttpResponse<String> login = admin.login(DashboardProcess.ADMIN_PASSWORD, "X-Forwarded-For", "203.0.113.60");
        List<String> cookies = login.headers().allValues("Set-Cookie");

        assertThat(cookies).filteredOn(c -> c.startsWith("DASHBOARD_SESSION=")).isNotEmpty()
                .allMatch(c -> c.contains("HttpOnly") && c.contains("SameSite=Strict"));
        for (String page : List.of("/", "/admin/login", "/admin", "/admin/audit", "/admin/settings")) {
            String csp = admin.get(page).headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(page).contains("script-src 'self'").contains("object-src 'none'")
                    .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        }
    }

    @Test
    void textFromCalendlyStaysInertInTheDashboardTheAdminPanelAndTheCsvExport() throws Exception {
        Browser proxy = new Browser(proxied.base());
        String uri = SignedPayloads.newInviteeUri() + XSS_URI_TAIL;
        ObjectNode created = (ObjectNode) Deliveries.JSON.readTree(SignedPayloads.inviteeCreated(uri));
        ObjectNode payload = (ObjectNode) created.get("payload");
        String now = java.time.Instant.now().toString();
        created.put("created_at", now);
        payload.put("name", XSS_NAME).put("email", XSS_EMAIL).put("created_at", now);
        ((ObjectNode) payload.get("scheduled_event")).put("name", XSS_EVENT_TYPE);
        ((ObjectNode) payload.get("questions_and_answers").get(0)).put("answer", XSS_ANSWER);
        ObjectNode canceled = (ObjectNode) Deliveries.JSON.readTree(SignedPayloads.inviteeCanceled(uri + "-c"));
        ((ObjectNode) canceled.get("payload")).putObject("cancellation").put("reason", XSS_REASON)
                .put("canceled_by", XSS_NAME);
        assertThat(deliver(proxy, Deliveries.JSON.writeValueAsBytes(created), "X-Forwarded-For", "203.0.113.61")
                .statusCode()).isEqualTo(200);
        assertThat(deliver(proxy, Deliveries.JSON.writeValueAsBytes(canceled), "X-Forwarded-For", "203.0.113.62")
                .statusCode()).isEqualTo(200);
        Browser admin = new Browser(proxied.base());
        admin.login(DashboardProcess.ADMIN_PASSWORD, "X-Forwarded-For", "203.0.113.63");

        HttpResponse<String> metrics = admin.get("/api/metrics?period=all");
        List<JsonNode> bookings = new ArrayList<>();
        Deliveries.JSON.readTree(metrics.body()).path("recentBookings").forEach(bookings::add);
        assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(metrics.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(bookings).anyMatch(b -> b.path("name").asText().equals(XSS_NAME)
                && b.path("eventType").asText().equals(XSS_EVENT_TYPE));
        for (String script : List.of("/js/dashboard.js", "/js/admin.js", "/js/chart.js", "/js/format.js")) {
            assertThat(admin.get(script).body()).as(script).doesNotContain("innerHTML", "outerHTML",
                    "insertAdjacentHTML", "document.write", "eval(", "new Function");
        }
        for (String page : List.of("/admin", "/admin/audit", "/admin/settings")) {
            String body = admin.get(page).body();
            assertThat(body).as(page).doesNotContain("<script>alert", "<img src=x", "<svg onload");
        }
        HttpResponse<String> audit = admin.get("/admin/api/audit?size=100");
        assertThat(audit.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(audit.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(Deliveries.JSON.readTree(audit.body()).path("entries").findValuesAsText("eventKey"))
                .anyMatch(key -> key.endsWith(XSS_URI_TAIL));
        String csv = admin.get("/admin/audit.csv").body();
        assertThat(csv).contains("onerror=alert('uri')");
        assertThat(csvCells(csv)).noneMatch(cell -> !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0);
    }

    private Browser loggedInAdmin() throws Exception {
        Browser admin = new Browser(proxied.base());
        HttpResponse<String> login = admin.login(DashboardProcess.ADMIN_PASSWORD, "X-Forwarded-For", "203.0.113.50");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return admin;
    }

    private static Map<String, String> withToken(Map<String, String> form, String token) {
        Map<String, String> copy = new java.util.LinkedHashMap<>(form);
        copy.put("_csrf", token);
        return copy;
    }

    private byte[] signedBooking() {
        return SignedPayloads.inviteeCreated(SignedPayloads.newInviteeUri() + "-" + UUID.randomUUID());
    }

    private HttpResponse<String> deliver(Browser client, byte[] body, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = SignatureVerifier.HEADER;
        all[1] = signer.sign(body);
        System.arraycopy(headers, 0, all, 2, headers.length);
        return client.postJson("/api/webhooks/calendly", body, all);
    }

    private static List<String> csvCells(String csv) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',' || c == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        return cells;
    }
}
