package io.github.calendlywebhook.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.calendlywebhook.core.event.InviteeCreatedEvent;
import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.pipeline.WebhookRequest;
import io.github.calendlywebhook.core.publication.ListenerDispatcher;
import io.github.calendlywebhook.core.publication.PublicationCounts;
import io.github.calendlywebhook.core.publication.PublicationRegistry;
import io.github.calendlywebhook.core.event.ListenerContext;
import io.github.calendlywebhook.core.signature.SignatureVerifier;
import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.test.Eventually;
import io.github.calendlywebhook.test.FailsFirstTime;
import io.github.calendlywebhook.test.SignedPayloads;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventListenerRetryTest {

    private static final String SECRET = "listener-retry-secret-0123456789";
    private static final String SPEC = "listener-retry";
    /** The spec name of a context with a database, whose data source {@link JdbcStoreTest} provides. */
    static final String JDBC = SPEC + "-jdbc";
    private static final Duration GENEROUS = Duration.ofMinutes(1);

    private static ApplicationContext run(String... more) {
        Map<String, Object> properties = new HashMap<>(Map.of("calendly.webhook.secret", SECRET, "spec.name", SPEC,
                "calendly.webhook.listeners.first-retry", "100ms", "calendly.webhook.listeners.poll-interval", "50ms"));
        for (int i = 0; i < more.length; i += 2) {
            properties.put(more[i], more[i + 1]);
        }
        return ApplicationContext.run(properties);
    }

    private static void deliver(ApplicationContext context, String invitee) {
        byte[] body = SignedPayloads.inviteeCreated(invitee);
        Map<String, List<String>> headers = Map.of("Content-Type", List.of("application/json"),
                SignatureVerifier.HEADER, List.of(SignedPayloads.sign(SECRET, body, Instant.now())));
        assertThat(context.getBean(WebhookProcessor.class).process(WebhookRequest.post(headers, "127.0.0.1", body))
                .status()).isEqualTo(200);
    }

    @Test
    void listenerThatThrowsTheFirstTimeItSeesEachInviteeShouldRunAgainUntilEveryInviteeIsHandled() {
        try (ApplicationContext context = run()) {
            List<String> invitees = IntStream.range(0, 5).mapToObj(i -> SignedPayloads.newInviteeUri()).toList();
            Crm crm = context.getBean(Crm.class);

            invitees.forEach(invitee -> deliver(context, invitee));

            Eventually.until("every invitee handled", GENEROUS, () -> crm.body.handled().containsAll(invitees));
            assertThat(crm.body.handled()).containsExactlyInAnyOrderElementsOf(invitees);
            assertThat(invitees).allSatisfy(invitee -> assertThat(crm.body.calls(invitee)).isEqualTo(2));
            Eventually.until("no publication incomplete", GENEROUS,
                    () -> context.getBean(ListenerDispatcher.class).counts().equals(PublicationCounts.NONE));
        }
    }

    @Test
    void eventListenerShouldLearnTheAttemptFromTheCurrentListenerCall() {
        try (ApplicationContext context = run()) {
            String invitee = SignedPayloads.newInviteeUri();
            Crm crm = context.getBean(Crm.class);

            deliver(context, invitee);

            Eventually.until("the retry", GENEROUS, () -> crm.body.handled().contains(invitee));
            assertThat(crm.body.attempts()).containsExactly(1, 2);
        }
    }

    @Test
    void eachEventListenerMethodShouldBeItsOwnListenerUnderItsQualifiedName() {
        try (ApplicationContext context = run()) {
            assertThat(context.getBean(ListenerDispatcher.class).listenerIds())
                    .contains(Crm.class.getName() + ".on(" + InviteeCreatedEvent.class.getName() + ")");
            assertThat(context.getBean(PublicationRegistry.class).getClass().getSimpleName())
                    .isEqualTo("InMemoryPublicationRegistry");
        }
    }

    @Test
    void publicationsShouldBeKeptBesideTheEventsWhenTheStoreIsJdbc() {
        try (ApplicationContext context = run("spec.name", JDBC)) {
            String invitee = SignedPayloads.newInviteeUri();
            Crm crm = context.getBean(Crm.class);

            deliver(context, invitee);

            assertThat(context.getBean(PublicationRegistry.class).getClass().getSimpleName())
                    .isEqualTo("JdbcPublicationRegistry");
            assertThatCode(() -> context.getBean(ListenerDispatcher.class)
                    .requireStore(context.getBean(EventStore.class))).as("the store writes the publications")
                    .doesNotThrowAnyException();
            Eventually.until("the retry", GENEROUS, () -> crm.body.handled().contains(invitee));
        }
    }

    /** Adds each booking to a CRM that is down the first time it sees each invitee. */
    @Singleton
    @Requires(property = "spec.name", pattern = SPEC + ".*")
    static class Crm {

        final FailsFirstTime body = new FailsFirstTime();

        @EventListener
        void on(InviteeCreatedEvent event) {
            body.handle(event.invitee().uri(), ListenerDispatcher.currentCall().map(ListenerContext::attempt).orElse(0));
        }
    }
}
