package io.github.calendlywebhook.dashboard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Forged and unreadable forwarding headers behind a trusted proxy, against the packaged jar. Both
 * instances leave Tomcat's own forwarding support off and trust loopback as the reverse proxy in the
 * library ({@code CALENDLY_WEBHOOK_TRUSTED_PROXIES}), so the test client is the proxy: the last hop it
 * writes is the client it saw, and any other header is one a client could have forged and the proxy
 * passed through. {@code strict} allows only documentation networks, loopback not among them;
 * {@code loopbackAllowed} also allows 127.0.0.1/32, as the docs once advised for the Test Webhook
 * button, where a request attributed to the proxy used to pass the allowlist.
 */
class ForwardingAttacksIT {

    private static final String FORGED = "for=198.51.100.1";
    private static final String PATH = "/api/webhooks/calendly";

    @TempDir
    static Path workDir;
    static DashboardProcess strict;
    static DashboardProcess loopbackAllowed;
    private final WebhookSigner signer = new WebhookSigner(DashboardProcess.SECRET, Clock.systemUTC());

    @BeforeAll
    static void startDashboards() throws Exception {
        strict = DashboardProcess.start(workDir, "forwarding-strict", Map.of(
                "ALLOWED_IPS", "203.0.113.0/24,2001:db8::/32",
                "CALENDLY_WEBHOOK_TRUSTED_PROXIES", "127.0.0.1/32,::1/128",
                "SERVER_FORWARD_HEADERS_STRATEGY", "none",
                "CALENDLY_WEBHOOK_RATE_LIMIT_ENABLED", "true",
                "SPRING_DATASOURCE_URL", "jdbc:h2:mem:forwarding-strict"));
        loopbackAllowed = DashboardProcess.start(workDir, "forwarding-loopback", Map.of(
                "ALLOWED_IPS", "203.0.113.0/24,127.0.0.1/32",
                "CALENDLY_WEBHOOK_TRUSTED_PROXIES", "127.0.0.1/32,::1/128",
                "SERVER_FORWARD_HEADERS_STRATEGY", "none",
                "SPRING_DATASOURCE_URL", "jdbc:h2:mem:forwarding-loopback"));
    }

    @AfterAll
    static void stopDashboardsAndCheckTheirLogs() {
        strict.close();
        loopbackAllowed.close();
        Numbers.assertNoSecretLogged(strict);
        Numbers.assertNoSecretLogged(loopbackAllowed);
    }

    @Test
    void aForgedForwardedAloneIsJudgedByTheAddressItNamesNotByTheLoopbackProxy() throws Exception {
        HttpResponse<String> response = deliver(strict, "Forwarded", FORGED);

        assertError(response, 403, "forbidden");
    }

    @Test
    void aForgedForwardedBesideTheProxysXForwardedForIsRefusedWithItsOwnCode() throws Exception {
        HttpResponse<String> response = deliver(strict, "X-Forwarded-For", "203.0.113.20", "Forwarded", FORGED);

        assertError(response, 403, "forwarding_headers_invalid");
        assertThat(response.body()).doesNotContain("198.51.100.1");
    }

    @Test
    void disagreeingHeadersAreRefusedEvenWhenBothNameAllowedClients() throws Exception {
        HttpResponse<String> response = deliver(strict, "X-Forwarded-For", "203.0.113.21",
                "Forwarded", "for=203.0.113.99");

        assertError(response, 403, "forwarding_headers_invalid");
    }

    @Test
    void disagreeingHeadersNoLongerPassAnAllowlistThatAdmitsTheLoopbackProxy() throws Exception {
        HttpResponse<String> forged = deliver(loopbackAllowed, "X-Forwarded-For", "192.0.2.44", "Forwarded", FORGED);
        HttpResponse<String> unreadable = deliver(loopbackAllowed, "X-Forwarded-For", "unknown");

        assertError(forged, 403, "forwarding_headers_invalid");
        assertError(unreadable, 403, "forwarding_headers_invalid");
    }

    @Test
    void unreadableHopsAreRefusedNeverResolvedToTheProxy() throws Exception {
        List<String[]> unreadable = List.of(new String[] {"X-Forwarded-For", "garbage"},
                new String[] {"X-Forwarded-For", "unknown"}, new String[] {"X-Forwarded-For", "203.0.113.22, _x"},
                new String[] {"Forwarded", "for=unknown"}, new String[] {"Forwarded", "for=_hidden"},
                new String[] {"Forwarded", "for=\"[2001:db8::1"});
        List<String> codes = new ArrayList<>();
        for (String[] header : unreadable) {
            HttpResponse<String> response = deliver(strict, header);
            codes.add(response.statusCode() + " " + Deliveries.JSON.readTree(response.body()).path("error").asText());
        }

        assertThat(codes).containsOnly("403 forwarding_headers_invalid");
    }

    @Test
    void agreeingHeadersFromTheProxyAreAccepted() throws Exception {
        HttpResponse<String> response = deliver(strict, "X-Forwarded-For", "203.0.113.23",
                "Forwarded", "for=203.0.113.23");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void theRefusalIsInTheAuditLogUnderTheProxyAddress() throws Exception {
        deliver(strict, "X-Forwarded-For", "203.0.113.24", "Forwarded", FORGED);
        Browser admin = new Browser(strict.base());
        assertThat(admin.login(DashboardProcess.ADMIN_PASSWORD).statusCode()).isEqualTo(302);

        JsonNode page = Deliveries.JSON.readTree(admin.get("/admin/api/audit?action=forwarding_headers_invalid&size=10")
                .body());

        assertThat(page.path("entries").findValuesAsText("action")).isNotEmpty()
                .containsOnly("forwarding_headers_invalid");
        assertThat(page.path("entries").findValuesAsText("clientAddress")).contains("127.0.0.1");
    }

    @Test
    void freshAddressesOfOneIpv6Slash64ShareOneRateLimit() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            statuses.add(deliver(strict, "X-Forwarded-For", "2001:db8:64:64::" + Integer.toHexString(i)).statusCode());
        }
        int otherSlash64 = deliver(strict, "X-Forwarded-For", "2001:db8:64:65::1").statusCode();

        assertThat(statuses.subList(0, 10)).containsOnly(200);
        assertThat(statuses.subList(10, 12)).containsOnly(429);
        assertThat(otherSlash64).isEqualTo(200);
    }

    @Test
    void theTestWebhookButtonWorksWithAnAllowlistThatLeavesLoopbackOut() throws Exception {
        Browser admin = new Browser(strict.base());
        assertThat(admin.login(DashboardProcess.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
        String token = admin.pageToken("/admin");

        HttpResponse<String> pressed = admin.postJson("/admin/api/test-webhook", new byte[0], "X-CSRF-TOKEN", token);

        assertThat(pressed.statusCode()).isEqualTo(200);
        JsonNode result = Deliveries.JSON.readTree(pressed.body());
        assertThat(result.path("status").asInt()).as(pressed.body()).isEqualTo(200);
        assertThat(result.path("entry").path("source").asText()).isEqualTo("test");
        assertThat(result.path("hint").isNull()).isTrue();
    }

    private HttpResponse<String> deliver(DashboardProcess dashboard, String... headers) throws Exception {
        byte[] body = SignedPayloads.inviteeCreated(SignedPayloads.newInviteeUri() + "-" + UUID.randomUUID());
        String[] all = new String[headers.length + 2];
        all[0] = SignatureVerifier.HEADER;
        all[1] = signer.sign(body);
        System.arraycopy(headers, 0, all, 2, headers.length);
        return new Browser(dashboard.base()).postJson(PATH, body, all);
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(Deliveries.JSON.readTree(response.body()).path("error").asText()).isEqualTo(code);
    }
}
