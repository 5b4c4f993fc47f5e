package io.github.calendlywebhook.core.pipeline;

import io.github.calendlywebhook.core.delivery.DeliveryResult;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.audit.AuditEntry;
import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.event.CalendlyEventListener;
import io.github.calendlywebhook.core.event.InviteeCanceledEvent;
import io.github.calendlywebhook.core.event.InviteeCreatedEvent;
import io.github.calendlywebhook.test.SignedPayloads;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ListenerAndObserverTest {

    private final ProcessorFixture fixture = new ProcessorFixture();
    private final List<String> created = new CopyOnWriteArrayList<>();
    private final CalendlyEventListener recording = new CalendlyEventListener() {
        @Override
        public void onInviteeCreated(InviteeCreatedEvent event) {
            created.add(event.invitee().uri());
        }
    };
    private final CalendlyEventListener throwing = new CalendlyEventListener() {
        @Override
        public void onInviteeCreated(InviteeCreatedEvent event) {
            throw new IllegalStateException("listener bug");
        }
    };

    @Test
    void callsListenersWithTheStoredEvent() {
        WebhookProcessor processor = fixture.builder().listener(recording).build();
        String uri = SignedPayloads.newInviteeUri();

        processor.process(Requests.signed(SignedPayloads.inviteeCreated(uri)).build());

        assertThat(created).containsExactly(uri);
    }

    @Test
    void neverCallsListenersForADuplicate() {
        WebhookProcessor processor = fixture.builder().listener(recording).build();
        byte[] body = SignedPayloads.inviteeCreated();

        processor.process(Requests.signed(body).build());
        processor.process(Requests.signed(body).build());

        assertThat(created).hasSize(1);
    }

    @Test
    void neverCallsListenersForARejection() {
        WebhookProcessor processor = fixture.builder().listener(recording).build();

        processor.process(Requests.unsigned(SignedPayloads.inviteeCreated()).build());

        assertThat(created).isEmpty();
    }

    @Test
    void isolatesAThrowingListenerAndCountsIt() {
        WebhookProcessor processor = fixture.builder().listener(throwing).listener(recording).build();

        WebhookResponse response = processor.process(Requests.signed(SignedPayloads.inviteeCreated()).build());

        assertThat(response.status()).isEqualTo(200);
        assertThat(fixture.store.size()).isEqualTo(1);
        assertThat(created).hasSize(1);
        assertThat(processor.listenerFailures()).isEqualTo(1);
    }

    @Test
    void dispatchesEachKindToItsCallback() {
        List<String> canceled = new CopyOnWriteArrayList<>();
        WebhookProcessor processor = fixture.builder().listener(new CalendlyEventListener() {
            @Override
            public void onInviteeCanceled(InviteeCanceledEvent event) {
                canceled.add(event.invitee().uri());
            }
        }).listener(recording).build();

        processor.process(Requests.signed(SignedPayloads.inviteeCanceled()).build());

        assertThat(canceled).hasSize(1);
        assertThat(created).isEmpty();
    }

    @Test
    void tellsObserversAboutEveryOutcome() {
        WebhookProcessor processor = fixture.processor();
        byte[] body = SignedPayloads.inviteeCreated();

        processor.process(Requests.signed(body).build());
        processor.process(Requests.signed(body).build());
        processor.process(Requests.unsigned(body).build());

        assertThat(fixture.deliveries).extracting(DeliveryResult::outcome)
                .containsExactly(Outcome.ACCEPTED, Outcome.DUPLICATE, Outcome.INVALID_SIGNATURE);
        assertThat(fixture.deliveries.get(0).event()).isInstanceOf(InviteeCreatedEvent.class);
        assertThat(fixture.deliveries.get(2).event()).isNull();
    }

    @Test
    void aThrowingObserverNeverChangesTheResponse() {
        WebhookProcessor processor = fixture.builder().observer(result -> {
            throw new IllegalStateException("observer bug");
        }).build();

        WebhookResponse response = processor.process(Requests.signed(SignedPayloads.inviteeCreated()).build());

        assertThat(response.status()).isEqualTo(200);
        assertThat(processor.observerFailures()).isEqualTo(1);
    }

    @Test
    void auditsAnAcceptedDeliveryWithItsKeyAndClient() {
        WebhookProcessor processor = fixture.processor();
        String uri = SignedPayloads.newInviteeUri();

        processor.process(Requests.signed(SignedPayloads.inviteeCreated(uri)).build());

        AuditEntry entry = fixture.audit.get(0);
        assertThat(entry.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(entry.status()).isEqualTo(200);
        assertThat(entry.clientAddress()).isEqualTo(Requests.ALLOWED_CLIENT);
        assertThat(entry.eventName()).isEqualTo("invitee.created");
        assertThat(entry.eventKey()).isEqualTo("invitee.created|" + uri);
        assertThat(entry.processingTime()).isNotNull();
        assertThat(entry.source()).isEqualTo(EventSource.WEBHOOK);
    }

    @Test
    void auditsATestDeliveryAsATest() {
        WebhookProcessor processor = fixture.processor();

        processor.process(Requests.signed(SignedPayloads.testDelivery()).build());

        assertThat(fixture.audit.get(0).source()).isEqualTo(EventSource.TEST);
        assertThat(fixture.deliveries.get(0).source()).isEqualTo(EventSource.TEST);
    }

    @Test
    void auditsARejectionWithItsReasonButNeverTheSignature() {
        WebhookProcessor processor = fixture.processor();
        byte[] body = SignedPayloads.inviteeCreated();
        String wrong = SignedPayloads.sign("wrong-secret", body, Requests.NOW);

        processor.process(Requests.unsigned(body).header("Calendly-Webhook-Signature", wrong).build());

        AuditEntry entry = fixture.audit.get(0);
        assertThat(entry.outcome()).isEqualTo(Outcome.INVALID_SIGNATURE);
        assertThat(entry.detail()).isNotBlank().doesNotContain(wrong.substring(wrong.indexOf("v1=") + 3));
        assertThat(entry.toString()).doesNotContain(fixture.builder().build().settings().secret());
    }

    @Test
    void keepsWorkingWhenTheAuditLogThrows() {
        WebhookProcessor processor = fixture.builder().auditLog(entry -> {
            throw new IllegalStateException("audit store full");
        }).build();

        assertThat(processor.process(Requests.signed(SignedPayloads.inviteeCreated()).build()).status()).isEqualTo(200);
    }
}
