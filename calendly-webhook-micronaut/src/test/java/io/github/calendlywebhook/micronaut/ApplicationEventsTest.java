package io.github.calendlywebhook.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.event.CalendlyEventListener;
import io.github.calendlywebhook.core.event.InviteeCanceledEvent;
import io.github.calendlywebhook.core.event.InviteeCreatedEvent;
import io.github.calendlywebhook.core.event.UnknownEvent;
import io.github.calendlywebhook.core.delivery.DeliveryObserver;
import io.github.calendlywebhook.core.delivery.DeliveryResult;
import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.pipeline.WebhookRequest;
import io.github.calendlywebhook.core.pipeline.WebhookResponse;
import io.github.calendlywebhook.core.signature.SignatureVerifier;
import io.github.calendlywebhook.test.SignedPayloads;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ApplicationEventsTest {

    private static final String SECRET = "events-test-secret-0123456789";
    private static final String SPEC = "application-events";

    private static WebhookResponse deliver(ApplicationContext context, byte[] body) {
        Map<String, List<String>> headers = Map.of(
                "Content-Type", List.of("application/json"),
                SignatureVerifier.HEADER, List.of(SignedPayloads.sign(SECRET, body, Instant.now())));
        return context.getBean(WebhookProcessor.class).process(WebhookRequest.post(headers, "127.0.0.1", body));
    }

    private static ApplicationContext run() {
        return ApplicationContext.run(Map.of("calendly.webhook.secret", SECRET, "spec.name", SPEC));
    }

    @Test
    void acceptedEventShouldReachTheTypedEventListener() {
        try (ApplicationContext context = run()) {
            WebhookResponse response = deliver(context, SignedPayloads.inviteeCreated());

            assertThat(response.status()).isEqualTo(200);
            assertThat(context.getBean(Bookings.class).created).hasSize(1);
            assertThat(context.getBean(Bookings.class).canceled).isEmpty();
        }
    }

    @Test
    void everyKindShouldReachAListenerOfTheCommonType() {
        try (ApplicationContext context = run()) {
            deliver(context, SignedPayloads.inviteeCreated());
            deliver(context, SignedPayloads.unknownEvent());

            assertThat(context.getBean(Bookings.class).all).hasSize(2)
                    .anySatisfy(event -> assertThat(event).isInstanceOf(UnknownEvent.class));
        }
    }

    @Test
    void duplicateDeliveryShouldNotBePublishedTwice() {
        try (ApplicationContext context = run()) {
            byte[] body = SignedPayloads.inviteeCanceled();

            deliver(context, body);
            deliver(context, body);

            assertThat(context.getBean(Bookings.class).canceled).hasSize(1);
        }
    }

    @Test
    void rejectedDeliveryShouldPublishNothing() {
        try (ApplicationContext context = run()) {
            byte[] body = SignedPayloads.inviteeCreated();
            Map<String, List<String>> headers = Map.of("Content-Type", List.of("application/json"),
                    SignatureVerifier.HEADER, List.of(SignedPayloads.sign("another-secret-0123456789", body, Instant.now())));

            WebhookResponse response = context.getBean(WebhookProcessor.class)
                    .process(WebhookRequest.post(headers, "127.0.0.1", body));

            assertThat(response.status()).isEqualTo(401);
            assertThat(context.getBean(Bookings.class).created).isEmpty();
        }
    }

    @Test
    void calendlyEventListenerAndObserverBeansShouldBeCalled() {
        try (ApplicationContext context = run()) {
            deliver(context, SignedPayloads.inviteeCreated());

            assertThat(context.getBean(CoreCallbacks.class).events).singleElement().isInstanceOf(InviteeCreatedEvent.class);
            assertThat(context.getBean(CoreCallbacks.class).results).singleElement()
                    .satisfies(result -> assertThat(result.outcome().code()).isEqualTo("accepted"));
        }
    }

    /** An application bean listening for typed Micronaut events. */
    @Singleton
    @Requires(property = "spec.name", value = SPEC)
    static class Bookings {

        final List<InviteeCreatedEvent> created = new CopyOnWriteArrayList<>();
        final List<InviteeCanceledEvent> canceled = new CopyOnWriteArrayList<>();
        final List<CalendlyEvent> all = new CopyOnWriteArrayList<>();

        @EventListener
        void on(InviteeCreatedEvent event) {
            created.add(event);
        }

        @EventListener
        void on(InviteeCanceledEvent event) {
            canceled.add(event);
        }

        @EventListener
        void onAny(CalendlyEvent event) {
            all.add(event);
        }
    }

    /** An application bean using the core callbacks directly. */
    @Singleton
    @Requires(property = "spec.name", value = SPEC)
    static class CoreCallbacks implements CalendlyEventListener, DeliveryObserver {

        final List<CalendlyEvent> events = new CopyOnWriteArrayList<>();
        final List<DeliveryResult> results = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(CalendlyEvent event) {
            events.add(event);
        }

        @Override
        public void onDelivery(DeliveryResult result) {
            results.add(result);
        }
    }
}
