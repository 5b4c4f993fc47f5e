package io.github.calendlywebhook.spring.listeners;

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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.Bean;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "calendly.webhook.secret=" + CalendlyEventListenerBeanRetryTest.SECRET, "calendly.webhook.rate-limit.enabled=false",
        "calendly.webhook.listeners.first-retry=100ms", "calendly.webhook.listeners.poll-interval=50ms",
        "spring.datasource.url=jdbc:h2:mem:listener-bean-retry;DB_CLOSE_DELAY=-1" })
class CalendlyEventListenerBeanRetryTest {

    static final String SECRET = "listener-bean-retry-secret-012345";
    private static final Duration GENEROUS = Duration.ofMinutes(1);

    @Autowired
    WebhookProcessor processor;

    @Autowired
    ListenerDispatcher dispatcher;

    @Autowired
    CrmListener crm;

    @Autowired
    PlainApplicationListener plain;

    @Test
    void calendlyEventListenerBeanThatFailsTwiceThenSucceedsShouldRunExactlyThreeTimesAndEndComplete() {
        String invitee = SignedPayloads.newInviteeUri();

        deliver(invitee);

        Eventually.until("the third attempt returned", GENEROUS, () -> crm.returned.contains(invitee)
                && dispatcher.counts().equals(PublicationCounts.NONE));
        assertThat(crm.calls).filteredOn(call -> call.invitee().equals(invitee)).extracting(Call::attempt)
                .containsExactly(1, 2, 3);
        assertThat(crm.calls).extracting(Call::listenerId).containsOnly("crm");
    }

    @Test
    void calendlyEventListenerBeanShouldBeRegisteredUnderItsBeanName() {
        assertThat(dispatcher.listenerIds()).containsExactly("crm");
    }

    @Test
    void plainApplicationListenerShouldStillReceiveEachStoredEventOnce() {
        String invitee = SignedPayloads.newInviteeUri();

        deliver(invitee);
        deliver(invitee);

        assertThat(plain.invitees).containsOnlyOnce(invitee);
    }

    private void deliver(String invitee) {
        byte[] body = SignedPayloads.inviteeCreated(invitee);
        SignedDelivery delivery = SignedDelivery.of(body).secret(SECRET);
        assertThat(processor.process(WebhookRequest.post(delivery.headers(), "203.0.113.7", body)).status())
                .isEqualTo(200);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {

        @Bean
        CrmListener crm() {
            return new CrmListener();
        }

        @Bean
        PlainApplicationListener plainApplicationListener() {
            return new PlainApplicationListener();
        }
    }

    record Call(String invitee, String listenerId, int attempt) {
    }

    /** Adds each booking to a CRM that is down for the first two attempts of each event. */
    static class CrmListener implements CalendlyEventListener {

        final List<Call> calls = new CopyOnWriteArrayList<>();
        final List<String> returned = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(CalendlyEvent event, ListenerContext context) {
            String invitee = ((InviteeCreatedEvent) event).invitee().uri();
            calls.add(new Call(invitee, context.listenerId(), context.attempt()));
            if (context.attempt() < 3) {
                throw new IllegalStateException("CRM unavailable");
            }
            returned.add(invitee);
        }
    }

    /** An application listener the dispatcher does not call: it gets the published application event. */
    static class PlainApplicationListener implements ApplicationListener<PayloadApplicationEvent<InviteeCreatedEvent>> {

        final List<String> invitees = new CopyOnWriteArrayList<>();

        @Override
        public void onApplicationEvent(PayloadApplicationEvent<InviteeCreatedEvent> event) {
            invitees.add(event.getPayload().invitee().uri());
        }
    }
}
