package io.github.calendlywebhook.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.event.CalendlyEventListener;
import io.github.calendlywebhook.core.event.InviteeCreatedEvent;
import io.github.calendlywebhook.core.event.ListenerContext;
import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.pipeline.WebhookRequest;
import io.github.calendlywebhook.core.publication.ListenerDispatcher;
import io.github.calendlywebhook.core.publication.PublicationCounts;
import io.github.calendlywebhook.test.Eventually;
import io.github.calendlywebhook.test.SignedDelivery;
import io.github.calendlywebhook.test.SignedPayloads;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CalendlyEventListenerBeanRetryTest {

    private static final String SECRET = "listener-bean-retry-secret-012345";
    private static final String SPEC = "listener-bean-retry";

    private static ApplicationContext run() {
        return ApplicationContext.run(Map.of("calendly.webhook.secret", SECRET, "spec.name", SPEC,
                "calendly.webhook.listeners.first-retry", "100ms", "calendly.webhook.listeners.poll-interval", "50ms"));
    }

    @Test
    void calendlyEventListenerBeanThatFailsTwiceThenSucceedsShouldRunExactlyThreeTimesAndEndComplete() {
        try (ApplicationContext context = run()) {
            String invitee = SignedPayloads.newInviteeUri();
            byte[] body = SignedPayloads.inviteeCreated(invitee);
            Crm crm = context.getBean(Crm.class);
            ListenerDispatcher dispatcher = context.getBean(ListenerDispatcher.class);

            assertThat(context.getBean(WebhookProcessor.class).process(WebhookRequest.post(
                    SignedDelivery.of(body).secret(SECRET).headers(), "127.0.0.1", body)).status()).isEqualTo(200);

            Eventually.until("the third attempt returned", Duration.ofMinutes(1),
                    () -> !crm.returned.isEmpty() && dispatcher.counts().equals(PublicationCounts.NONE));
            assertThat(crm.calls).extracting(ListenerContext::attempt).containsExactly(1, 2, 3);
            assertThat(crm.calls).extracting(ListenerContext::listenerId).containsOnly("crm");
            assertThat(crm.returned).containsExactly(invitee);
        }
    }

    @Test
    void calendlyEventListenerBeanShouldBeRegisteredUnderItsName() {
        try (ApplicationContext context = run()) {
            assertThat(context.getBean(ListenerDispatcher.class).listenerIds()).containsExactly("crm");
        }
    }

    /** Adds each booking to a CRM that is down for the first two attempts of each event. */
    @Singleton
    @Named("crm")
    @Requires(property = "spec.name", value = SPEC)
    static class Crm implements CalendlyEventListener {

        final List<ListenerContext> calls = new CopyOnWriteArrayList<>();
        final List<String> returned = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(CalendlyEvent event, ListenerContext context) {
            calls.add(context);
            if (context.attempt() < 3) {
                throw new IllegalStateException("CRM unavailable");
            }
            returned.add(((InviteeCreatedEvent) event).invitee().uri());
        }
    }
}
