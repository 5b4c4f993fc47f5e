package io.github.calendlywebhook.spring.listeners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.calendlywebhook.core.event.InviteeCreatedEvent;
import io.github.calendlywebhook.core.event.ListenerContext;
import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.pipeline.WebhookRequest;
import io.github.calendlywebhook.core.publication.ListenerDispatcher;
import io.github.calendlywebhook.core.publication.PublicationCounts;
import io.github.calendlywebhook.core.publication.PublicationRegistry;
import io.github.calendlywebhook.core.store.ProjectingEventStore;
import io.github.calendlywebhook.test.Eventually;
import io.github.calendlywebhook.test.FailsFirstTime;
import io.github.calendlywebhook.test.SignedDelivery;
import io.github.calendlywebhook.test.SignedPayloads;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "calendly.webhook.secret=" + EventListenerRetryTest.SECRET, "calendly.webhook.rate-limit.enabled=false",
        "calendly.webhook.listeners.first-retry=100ms", "calendly.webhook.listeners.poll-interval=50ms",
        "spring.datasource.url=jdbc:h2:mem:listener-retry;DB_CLOSE_DELAY=-1" })
class EventListenerRetryTest {

    static final String SECRET = "listener-retry-secret-0123456789";
    private static final Duration GENEROUS = Duration.ofMinutes(1);

    @Autowired
    WebhookProcessor processor;

    @Autowired
    ListenerDispatcher dispatcher;

    @Autowired
    PublicationRegistry registry;

    @Autowired
    ProjectingEventStore store;

    @Autowired
    CrmListener crm;

    @Test
    void listenerThatThrowsTheFirstTimeItSeesEachInviteeShouldRunAgainUntilEveryInviteeIsHandled() {
        List<String> invitees = IntStream.range(0, 5).mapToObj(i -> SignedPayloads.newInviteeUri()).toList();

        invitees.forEach(this::deliver);

        Eventually.until("every invitee handled", GENEROUS, () -> crm.body.handled().containsAll(invitees));
        assertThat(crm.body.handled()).containsAll(invitees).doesNotHaveDuplicates();
        assertThat(invitees).allSatisfy(invitee -> assertThat(crm.body.calls(invitee)).isEqualTo(2));
        Eventually.until("no publication incomplete", GENEROUS,
                () -> dispatcher.counts().equals(PublicationCounts.NONE));
    }

    @Test
    void listenerMethodShouldBeToldTheAttemptAndCalledOnlyByTheDispatcher() {
        String invitee = SignedPayloads.newInviteeUri();

        deliver(invitee);

        Eventually.until("the retry", GENEROUS, () -> crm.body.handled().contains(invitee));
        assertThat(crm.contexts).filteredOn(context -> context.eventId().contains(invitee.substring(invitee.lastIndexOf('/') + 1)))
                .extracting(ListenerContext::attempt).containsExactly(1, 2);
    }

    @Test
    void publicationsShouldBeKeptBesideTheEventsWhenTheStoreIsJdbc() {
        assertThat(registry.getClass().getSimpleName()).isEqualTo("JdbcPublicationRegistry");
        assertThatCode(() -> dispatcher.requireStore(store)).as("the store writes the publications")
                .doesNotThrowAnyException();
        assertThat(dispatcher.listenerIds()).containsExactly(CrmListener.class.getName()
                + ".onBooking(" + InviteeCreatedEvent.class.getName() + "," + ListenerContext.class.getName() + ")");
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
        CrmListener crmListener() {
            return new CrmListener();
        }
    }

    /** Adds each booking to a CRM that is down the first time it sees each invitee. */
    static class CrmListener {

        final FailsFirstTime body = new FailsFirstTime();
        final List<ListenerContext> contexts = new CopyOnWriteArrayList<>();

        @EventListener
        void onBooking(InviteeCreatedEvent event, ListenerContext context) {
            contexts.add(context);
            body.handle(event.invitee().uri(), context.attempt());
        }
    }
}
