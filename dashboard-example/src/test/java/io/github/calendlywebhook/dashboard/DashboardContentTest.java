package io.github.calendlywebhook.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.audit.AuditEntry;
import io.github.calendlywebhook.core.audit.AuditRepository;
import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.dashboard.live.SseHub;
import io.github.calendlywebhook.dashboard.support.Browserless;
import io.github.calendlywebhook.dashboard.support.EventStreamReader;
import io.github.calendlywebhook.dashboard.support.Payloads;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The live stream, text rendering of Calendly data and the CSV export, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:dashboard-content;DB_CLOSE_DELAY=-1",
        "dashboard.admin-password=content-password",
        "calendly.webhook.secret=content-secret",
        "dashboard.public-page=true",
        "dashboard.max-streams=3",
        "dashboard.heartbeat=200ms" })
class DashboardContentTest {

    private static final String SECRET = "content-secret";

    @LocalServerPort
    int port;

    @Autowired
    AuditRepository trail;

    @Autowired
    SseHub hub;

    private void awaitNoOpenStreams() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(hub.openStreams()).isZero());
    }

    @Test
    void streamShouldStartWithASnapshotAndDeliverTheNextBookingLive() throws Exception {
        try (EventStreamReader stream = new EventStreamReader("http://127.0.0.1:" + port + "/api/stream?period=all",
                "Accept-Encoding", "gzip")) {
            EventStreamReader.Event first = stream.next("\"period\":\"all\"");

            new Browserless(port, "203.0.113.60").postSigned(SECRET,
                    Payloads.created("live-1", "Grace Hopper", Instant.now()));

            EventStreamReader.Event live = stream.next("Grace Hopper");
            assertThat(first.name()).isEqualTo("snapshot");
            assertThat(Long.parseLong(live.id())).isGreaterThan(Long.parseLong(first.id()));
            assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("text/event-stream"));
            assertThat(stream.headers().firstValue("X-Accel-Buffering")).contains("no");
            assertThat(stream.headers().firstValue("Content-Encoding")).isEmpty();
        }
    }

    @Test
    void streamsBeyondTheCapShouldBeRefusedWithRetryAfter() throws Exception {
        awaitNoOpenStreams();
        String url = "http://127.0.0.1:" + port + "/api/stream?period=today";
        try (EventStreamReader one = new EventStreamReader(url); EventStreamReader two = new EventStreamReader(url);
                EventStreamReader three = new EventStreamReader(url);
                EventStreamReader four = new EventStreamReader(url)) {
            assertThat(four.status()).isEqualTo(503);
            assertThat(four.headers().firstValue("Retry-After")).isPresent();
            assertThat(new int[] {one.status(), two.status(), three.status()}).containsOnly(200);
        }
    }

    @Test
    void inviteeAndEventNamesWithMarkupShouldBeRenderedAsText() {
        Browserless calendly = new Browserless(port, "203.0.113.61");
        calendly.postSigned(SECRET, Payloads.createdFor("<img src=x onerror=alert(2)>", "xss-1",
                "<script>alert(1)</script>", Instant.now(), null));
        Browserless admin = new Browserless(port, "203.0.113.62");
        admin.login("content-password");

        String settingsPage = admin.get("/admin/settings").body();
        String json = admin.get("/api/metrics?period=all").body();

        assertThat(settingsPage).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(2)&gt;");
        assertThat(json).contains("<script>alert(1)</script>");
        assertThat(new Browserless(port, "203.0.113.63").get("/").body()).doesNotContain("innerHTML");
    }

    @Test
    void csvExportShouldNeutralizeSpreadsheetFormulas() {
        for (String hostile : new String[] {"=HYPERLINK(\"http://x\")", "+SUM(1)", "-1+2", "@cmd", "\tTAB"}) {
            trail.record(new AuditEntry(Instant.now(), "admin.settings.changed", null, 0, "198.51.100.70", null, null,
                    hostile, null, EventSource.WEBHOOK, 1));
        }
        Browserless admin = new Browserless(port, "203.0.113.64");
        admin.login("content-password");

        HttpResponse<String> csv = admin.get("/admin/audit.csv?action=admin.settings.changed");

        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).contains("\"'=HYPERLINK(\"\"http://x\"\")\"", "'+SUM(1)", "'-1+2", "'@cmd", "'\tTAB")
                .doesNotContain(",=HYPERLINK", ",+SUM", ",@cmd");
    }

    @Test
    void savedSettingsShouldBeAuditedAndChangeRevenueOnOpenStreams() throws Exception {
        HttpResponse<String> booked = new Browserless(port, "203.0.113.65").postSigned(SECRET,
                Payloads.created("settings-1", "Alan Turing", Instant.now()));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(200);
        Browserless admin = new Browserless(port, "203.0.113.66");
        admin.login("content-password");
        try (EventStreamReader stream = new EventStreamReader("http://127.0.0.1:" + port + "/api/stream?period=all")) {
            stream.next("Alan Turing");

            HttpResponse<String> save = admin.postForm("/admin/settings", java.util.Map.of("valuePerBooking", "333",
                    "currency", "EUR", "timezone", "UTC", "_csrf", admin.csrfFrom("/admin/settings")));

            assertThat(save.statusCode()).isEqualTo(302);
            assertThat(stream.next("\"valuePerBooking\":\"333.00\"").data()).contains("\"currency\":\"EUR\"");
        }
        assertThat(admin.get("/admin/api/audit?action=admin.settings.changed").body())
                .contains("value per booking").contains("333").contains("currency USD -> EUR");
    }

    @Test
    void deliveryHealthShouldWarnAboutSignatureFailures() {
        Browserless forger = new Browserless(port, "203.0.113.67");
        forger.postSigned("not-the-secret", Payloads.created("forged-1", "Mallory", Instant.now()));
        Browserless admin = new Browserless(port, "203.0.113.68");
        admin.login("content-password");

        String health = admin.get("/admin/api/health").body();

        assertThat(health).contains("\"invalid_signature\":1").contains("signature failures (401)")
                .contains("\"status\":\"DEGRADED\"").contains("\"store\":\"REACHABLE\"");
    }

    @Test
    void auditFilterForAnAdminActionShouldLeaveDeliveriesOut() {
        new Browserless(port, "203.0.113.69").postSigned(SECRET, Payloads.created("filter-1", "Ida", Instant.now()));
        Browserless admin = new Browserless(port, "203.0.113.70");
        admin.login("content-password");

        String page = admin.get("/admin/api/audit?action=admin.login.success&size=200").body();

        assertThat(page).contains("admin.login.success").doesNotContain("\"kind\":\"delivery\"");
    }

    @Test
    void aReconnectingStreamShouldStartWithAFullSnapshotWhateverItsLastEventId() throws Exception {
        try (EventStreamReader stream = new EventStreamReader("http://127.0.0.1:" + port + "/api/stream?period=7d",
                "Last-Event-ID", "12345")) {
            EventStreamReader.Event first = stream.next("\"period\":\"7d\"");

            assertThat(first.name()).isEqualTo("snapshot");
            assertThat(first.data()).contains("\"bookedAppointments\"", "\"daily\"", "\"byEventType\"");
        }
    }

    @Test
    void openStreamsShouldReceiveHeartbeats() throws Exception {
        try (EventStreamReader stream = new EventStreamReader("http://127.0.0.1:" + port + "/api/stream?period=today")) {
            stream.next("\"period\":\"today\"");

            assertThat(stream.nextComment()).contains("heartbeat");
        }
    }

    @Test
    void aStreamClosedByTheBrowserShouldBeCleanedUp() throws Exception {
        awaitNoOpenStreams();
        EventStreamReader stream = new EventStreamReader("http://127.0.0.1:" + port + "/api/stream?period=today");
        stream.next("\"period\":\"today\"");
        assertThat(hub.openStreams()).isEqualTo(1);

        stream.close();

        awaitNoOpenStreams();
    }
}
