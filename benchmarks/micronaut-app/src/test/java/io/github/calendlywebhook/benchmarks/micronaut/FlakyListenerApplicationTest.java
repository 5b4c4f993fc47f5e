package io.github.calendlywebhook.benchmarks.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.event.InviteeCreatedEvent;
import io.github.calendlywebhook.core.event.ListenerContext;
import io.github.calendlywebhook.core.publication.ListenerDispatcher;
import io.github.calendlywebhook.core.publication.PublicationCounts;
import io.github.calendlywebhook.test.AtLeastOnceDrill;
import io.github.calendlywebhook.test.ConformanceSettings;
import io.github.calendlywebhook.test.Eventually;
import io.github.calendlywebhook.test.FailsFirstTime;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The smallest Micronaut application with an {@code @EventListener} that throws the first time it sees
 * each invitee (its CRM is down): every delivery, sent once over HTTP as Calendly does, ends handled
 * within a minute without any redelivery.
 */
@MicronautTest(environments = "h2")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "calendly.webhook.secret", value = ConformanceSettings.SECRET)
@Property(name = "calendly.webhook.listeners.first-retry", value = "1s")
@Property(name = "calendly.webhook.listeners.poll-interval", value = "200ms")
@Property(name = "spec.name", value = FlakyListenerApplicationTest.SPEC)
class FlakyListenerApplicationTest implements TestPropertyProvider {

    static final String SPEC = "flaky-listener";
    private static final Duration WITHIN_A_MINUTE = Duration.ofMinutes(1);

    @Inject
    EmbeddedServer server;

    @Inject
    Crm crm;

    @Inject
    ListenerDispatcher dispatcher;

    @Override
    public Map<String, String> getProperties() {
        return H2StoreApplicationTest.databaseDirectory();
    }

    @Test
    void everyInviteeIsHandledWithinAMinuteWithoutRedelivery() throws Exception {
        List<String> invitees = AtLeastOnceDrill.run(
                URI.create("http://127.0.0.1:" + server.getPort() + "/api/webhooks/calendly"), ConformanceSettings.SECRET,
                crm.body, 20, WITHIN_A_MINUTE);

        assertThat(crm.body.attempts()).containsOnly(1, 2).hasSize(2 * invitees.size());
        Eventually.until("no publication left", WITHIN_A_MINUTE,
                () -> dispatcher.counts().equals(PublicationCounts.NONE));
    }

    /** A CRM integration whose CRM is down the first time it sees each invitee. */
    @Singleton
    @Requires(property = "spec.name", value = SPEC)
    static class Crm {

        final FailsFirstTime body = new FailsFirstTime();

        @EventListener
        void on(InviteeCreatedEvent event) {
            body.handle(event.invitee().uri(), ListenerDispatcher.currentCall().map(ListenerContext::attempt).orElse(0));
        }
    }
}
