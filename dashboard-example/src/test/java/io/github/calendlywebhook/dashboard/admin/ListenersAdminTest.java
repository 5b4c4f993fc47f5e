package io.github.calendlywebhook.dashboard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.audit.AuditQuery;
import io.github.calendlywebhook.core.audit.AuditRepository;
import io.github.calendlywebhook.core.event.InviteeCreatedEvent;
import io.github.calendlywebhook.core.publication.ListenerDispatcher;
import io.github.calendlywebhook.dashboard.support.Browserless;
import io.github.calendlywebhook.test.Eventually;
import io.github.calendlywebhook.test.SignedPayloads;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/** The admin panel's listener page over real HTTP: parked publications, their error, and the audited retry. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:listeners-admin;DB_CLOSE_DELAY=-1",
        "dashboard.admin-password=listeners-password", "calendly.webhook.secret=listeners-secret",
        "calendly.webhook.rate-limit.enabled=false", "calendly.webhook.listeners.max-attempts=1" })
class ListenersAdminTest {

    private static final Duration GENEROUS = Duration.ofMinutes(1);

    @LocalServerPort
    int port;

    @Autowired
    ListenerDispatcher dispatcher;

    @Autowired
    AuditRepository audit;

    @Autowired
    DownCrm crm;

    private Browserless admin;

    @BeforeEach
    void logIn() {
        admin = new Browserless(port, "198.51.100.91");
        admin.login("listeners-password");
    }

    @Test
    void parkedPublicationIsListedWithItsLastErrorAndRetriedFromThePanel() {
        String invitee = SignedPayloads.newInviteeUri();
        assertThat(admin.postSigned("listeners-secret", SignedPayloads.inviteeCreated(invitee)).statusCode())
                .isEqualTo(200);
        Eventually.until("the publication parked", GENEROUS, () -> dispatcher.counts().parked() > 0);

        String page = admin.get("/admin/listeners").body();
        int callsBefore = crm.calls.get();
        HttpResponse<String> retried = admin.postForm("/admin/listeners/retry-parked",
                Map.of("_csrf", admin.csrfFrom("/admin/listeners")));

        assertThat(page).contains("parked-publications").contains("java.lang.IllegalStateException")
                .contains("the CRM is down").contains(DownCrm.class.getName());
        assertThat(retried.statusCode()).isEqualTo(302);
        Eventually.until("the retried attempt", GENEROUS, () -> crm.calls.get() > callsBefore);
        assertThat(audit.query(new AuditQuery(null, null, null, AdminAudit.LISTENERS_RETRIED, null, 0, 10)).entries())
                .singleElement().satisfies(entry -> assertThat(entry.detail()).endsWith("parked publications made due"));
    }

    @Test
    void retryWithoutTheCsrfTokenIsRefused() {
        HttpResponse<String> refused = admin.postForm("/admin/listeners/retry-parked", Map.of());

        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void listenerPageNeedsTheAdminLogin() {
        HttpResponse<String> anonymous = new Browserless(port, "198.51.100.92").get("/admin/listeners");

        assertThat(anonymous.statusCode()).isIn(302, 401);
        assertThat(anonymous.body()).doesNotContain("parked-publications");
    }

    @TestConfiguration
    static class Listeners {

        @Bean
        DownCrm downCrm() {
            return new DownCrm();
        }
    }

    /** A CRM that is always down. */
    static class DownCrm {

        final AtomicInteger calls = new AtomicInteger();

        @EventListener
        void onBooking(InviteeCreatedEvent event) {
            calls.incrementAndGet();
            throw new IllegalStateException("the CRM is down");
        }
    }
}
