package io.github.calendlywebhook.benchmarks.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.event.InviteeCreatedEvent;
import io.github.calendlywebhook.core.event.ListenerContext;
import io.github.calendlywebhook.core.publication.ListenerDispatcher;
import io.github.calendlywebhook.core.publication.PublicationCounts;
import io.github.calendlywebhook.test.AtLeastOnceDrill;
import io.github.calendlywebhook.test.ConformanceSettings;
import io.github.calendlywebhook.test.Eventually;
import io.github.calendlywebhook.test.FailsFirstTime;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The smallest Spring Boot application with an {@code @EventListener} that throws the first time it sees
 * each invitee (its CRM is down): every delivery, sent once over HTTP as Calendly does, ends handled
 * within a minute without any redelivery.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "calendly.webhook.secret=" + ConformanceSettings.SECRET, "calendly.webhook.listeners.first-retry=1s",
        "calendly.webhook.listeners.poll-interval=200ms" })
@ActiveProfiles("h2")
class FlakyListenerApplicationTest {

    private static final Duration WITHIN_A_MINUTE = Duration.ofMinutes(1);

    @LocalServerPort
    int port;

    @Autowired
    Crm crm;

    @Autowired
    ListenerDispatcher dispatcher;

    @DynamicPropertySource
    static void databaseDirectory(DynamicPropertyRegistry registry) throws IOException {
        H2StoreApplicationTest.databaseDirectory(registry);
    }

    @Test
    void everyInviteeIsHandledWithinAMinuteWithoutRedelivery() throws Exception {
        List<String> invitees = AtLeastOnceDrill.run(URI.create("http://127.0.0.1:" + port + "/api/webhooks/calendly"),
                ConformanceSettings.SECRET, crm.body, 20, WITHIN_A_MINUTE);

        assertThat(crm.body.attempts()).containsOnly(1, 2).hasSize(2 * invitees.size());
        Eventually.until("no publication left", WITHIN_A_MINUTE,
                () -> dispatcher.counts().equals(PublicationCounts.NONE));
    }

    @TestConfiguration
    static class Listeners {

        @Bean
        Crm crm() {
            return new Crm();
        }
    }

    /** A CRM integration whose CRM is down the first time it sees each invitee. */
    static class Crm {

        final FailsFirstTime body = new FailsFirstTime();

        @EventListener
        void on(InviteeCreatedEvent event, ListenerContext context) {
            body.handle(event.invitee().uri(), context.attempt());
        }
    }
}
