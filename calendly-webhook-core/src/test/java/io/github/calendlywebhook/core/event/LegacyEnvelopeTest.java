package io.github.calendlywebhook.core.event;

import static io.github.calendlywebhook.core.event.CalendlyEventParserTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LegacyEnvelopeTest {

    private final CalendlyEventParser parser = CalendlyEventParser.create();

    @Test
    void prefersTheInviteeCancellationOverTheMeetings() {
        InviteeCanceledEvent event = (InviteeCanceledEvent) parser.parse(json("{'event':'invitee.canceled',"
                + "'payload':{'event':{'uuid':'E','canceler_name':'Host','cancel_reason':'host reason',"
                + "'canceled_at':'2024-12-01T08:00:00Z'},'invitee':{'uuid':'I','canceled':true,"
                + "'canceler_name':'Invitee','cancel_reason':'invitee reason'}}}"));

        assertThat(event.invitee().cancellation()).isEqualTo(
                new Cancellation("Invitee", "invitee reason", null, Instant.parse("2024-12-01T08:00:00Z")));
    }

    @Test
    void joinsFirstAndLastNameWhenThereIsNoFullName() {
        InviteeCreatedEvent event = (InviteeCreatedEvent) parser.parse(json(
                "{'event':'invitee.created','payload':{'invitee':{'uuid':'I','first_name':'Ada','last_name':'Byron'}}}"));

        assertThat(event.invitee().name()).isEqualTo("Ada Byron");
    }

    @Test
    void keysTheEventTypeBySlugWhenItHasNoUuid() {
        InviteeCreatedEvent event = (InviteeCreatedEvent) parser.parse(json("{'event':'invitee.created',"
                + "'payload':{'event_type':{'slug':'consultation','name':'Consultation'},'invitee':{'uuid':'I'}}}"));

        assertThat(event.invitee().scheduledEvent().eventType().key()).isEqualTo("consultation");
    }

    @Test
    void readsLegacyTrackingAndAnswers() {
        InviteeCreatedEvent event = (InviteeCreatedEvent) parser.parse(json("{'event':'invitee.created',"
                + "'payload':{'invitee':{'uuid':'I'},'tracking':{'utm_source':'ads'},"
                + "'questions_and_answers':[{'question':'Why?','answer':'Because'}]}}"));

        assertThat(event.invitee().tracking().utmSource()).isEqualTo("ads");
        assertThat(event.invitee().questionsAndAnswers()).containsExactly(new QuestionAnswer("Why?", "Because"));
    }

    @Test
    void keepsAnUnmodelledLegacyEventWithTheInviteeReference() {
        CalendlyEvent event = parser.parse(json("{'event':'invitee.updated','payload':{'invitee':{'uuid':'I'}}}"));

        assertThat(event).isInstanceOf(UnknownEvent.class);
        assertThat(event.idempotencyKey()).isEqualTo("invitee.updated|uuid:I");
        assertThat(event.metadata().format()).isEqualTo(PayloadFormat.LEGACY_V1);
    }

    @Test
    void neverMarksALegacyCancellationAsAReschedule() {
        InviteeCanceledEvent event = (InviteeCanceledEvent) parser.parse(json(
                "{'event':'invitee.canceled','payload':{'invitee':{'uuid':'I','rescheduled':true}}}"));

        assertThat(event.invitee().rescheduled()).isFalse();
        assertThat(event.invitee().status()).isEqualTo("canceled");
    }
}
