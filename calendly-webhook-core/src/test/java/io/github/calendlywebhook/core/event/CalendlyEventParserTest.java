package io.github.calendlywebhook.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.test.SignedPayloads;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CalendlyEventParserTest {

    private final CalendlyEventParser parser = CalendlyEventParser.create();

    @Test
    void parsesTheSetupGuideCreatedExampleVerbatim() {
        CalendlyEvent event = parser.parse(SignedPayloads.seedInviteeCreated());

        assertThat(event).isInstanceOf(InviteeCreatedEvent.class);
        InviteeCreatedEvent created = (InviteeCreatedEvent) event;
        assertThat(created.metadata()).isEqualTo(new EventMetadata("invitee.created",
                Instant.parse("2024-12-01T10:00:00Z"), null, PayloadFormat.LEGACY_V1, false));
        assertThat(created.invitee().uri()).isEqualTo("uuid:AAAAAAAAAAAAAAAA");
        assertThat(created.invitee().name()).isEqualTo("John Doe");
        assertThat(created.invitee().email()).isEqualTo("john.doe@example.com");
        assertThat(created.invitee().status()).isEqualTo("active");
        assertThat(created.invitee().rescheduled()).isFalse();
        assertThat(created.invitee().cancellation()).isNull();
        assertThat(created.idempotencyKey()).isEqualTo("invitee.created|uuid:AAAAAAAAAAAAAAAA");
    }

    @Test
    void readsTheLegacyEventTypeAndMeeting() {
        InviteeCreatedEvent created = (InviteeCreatedEvent) parser.parse(SignedPayloads.seedInviteeCreated());

        ScheduledEvent meeting = created.invitee().scheduledEvent();
        assertThat(meeting.eventType()).isEqualTo(
                new EventTypeRef("AAAAAAAAAAAAAAAA", "Consultation", "consultation", "One-on-One", 30));
        assertThat(meeting.uri()).isEqualTo("uuid:AAAAAAAAAAAAAAAA");
        assertThat(meeting.startTime()).isEqualTo(Instant.parse("2024-12-01T10:00:00Z"));
        assertThat(meeting.endTime()).isEqualTo(Instant.parse("2024-12-01T10:30:00Z"));
        assertThat(meeting.status()).isEqualTo("active");
    }

    @Test
    void parsesTheSetupGuideCanceledExampleVerbatim() {
        CalendlyEvent event = parser.parse(SignedPayloads.seedInviteeCanceled());

        assertThat(event).isInstanceOf(InviteeCanceledEvent.class);
        Invitee invitee = ((InviteeCanceledEvent) event).invitee();
        assertThat(invitee.status()).isEqualTo("canceled");
        assertThat(invitee.rescheduled()).isFalse();
        assertThat(invitee.cancellation()).isNotNull();
        assertThat(invitee.cancellation().reason()).isEqualTo("Client requested cancellation");
        assertThat(event.idempotencyKey()).isEqualTo("invitee.canceled|uuid:AAAAAAAAAAAAAAAA");
    }

    @Test
    void parsesTheSetupGuideCurlBodyVerbatim() {
        CalendlyEvent event = parser.parse(SignedPayloads.seedCurlInviteeCreated());

        assertThat(event).isInstanceOf(InviteeCreatedEvent.class);
        Invitee invitee = ((InviteeCreatedEvent) event).invitee();
        assertThat(invitee.timezone()).isEqualTo("America/New_York");
        assertThat(invitee.createdAt()).isEqualTo(Instant.parse("2024-12-01T09:00:00Z"));
        assertThat(invitee.scheduledEvent().location()).isNull();
    }

    @Test
    void parsesAV2InviteeCreatedWithEveryField() {
        String uri = SignedPayloads.newInviteeUri();

        CalendlyEvent event = parser.parse(SignedPayloads.inviteeCreated(uri));

        assertThat(event).isInstanceOf(InviteeCreatedEvent.class);
        assertThat(event.metadata()).isEqualTo(new EventMetadata("invitee.created",
                Instant.parse("2026-01-15T09:59:00Z"), "https://api.calendly.com/users/OWNER", PayloadFormat.V2, false));
        Invitee invitee = ((InviteeCreatedEvent) event).invitee();
        assertThat(invitee.uri()).isEqualTo(uri);
        assertThat(invitee.name()).isEqualTo("Ada Lovelace");
        assertThat(invitee.timezone()).isEqualTo("Europe/Paris");
        assertThat(invitee.scheduledEvent().eventType().key()).isEqualTo(SignedPayloads.EVENT_TYPE_URI);
        assertThat(invitee.scheduledEvent().name()).isEqualTo("Consultation");
        assertThat(invitee.scheduledEvent().location()).isEqualTo("https://zoom.example/j/1");
        assertThat(invitee.tracking().utmSource()).isEqualTo("newsletter");
        assertThat(invitee.questionsAndAnswers()).containsExactly(new QuestionAnswer("Topic?", "Pricing"));
        assertThat(event.idempotencyKey()).isEqualTo("invitee.created|" + uri);
    }

    @Test
    void readsThePaymentAmountExactlyAsWritten() {
        Invitee invitee = ((InviteeCreatedEvent) parser.parse(SignedPayloads.inviteeCreated())).invitee();

        assertThat(invitee.payment()).isEqualTo(
                new Payment("ch_1", "stripe", new BigDecimal("150.00"), "USD", true));
    }

    @Test
    void readsAPaymentAmountSentAsAString() {
        byte[] body = json("{'event':'invitee.created','payload':{'uri':'u1',"
                + "'payment':{'amount':'0.1','currency':'EUR','successful':false}}}");

        Invitee invitee = ((InviteeCreatedEvent) parser.parse(body)).invitee();

        assertThat(invitee.payment().amount()).isEqualByComparingTo(new BigDecimal("0.1"));
        assertThat(invitee.payment().amount().scale()).isEqualTo(1);
        assertThat(invitee.payment().successful()).isFalse();
    }

    @Test
    void parsesAV2CancellationThatIsNotAReschedule() {
        InviteeCanceledEvent event = (InviteeCanceledEvent) parser.parse(SignedPayloads.inviteeCanceled());

        assertThat(event.invitee().rescheduled()).isFalse();
        assertThat(event.invitee().cancellation()).isEqualTo(new Cancellation("Ada Lovelace", "Found another slot",
                "invitee", Instant.parse("2026-01-15T09:58:00Z")));
    }

    @Test
    void parsesTheCancelHalfOfAReschedule() {
        String old = SignedPayloads.newInviteeUri();
        String replacement = SignedPayloads.newInviteeUri();

        InviteeCanceledEvent event = (InviteeCanceledEvent) parser.parse(
                SignedPayloads.inviteeRescheduled(old, replacement));

        assertThat(event.invitee().rescheduled()).isTrue();
        assertThat(event.invitee().newInvitee()).isEqualTo(replacement);
    }

    @Test
    void keysANoShowCreatedByItsNoShowUri() {
        CalendlyEvent event = parser.parse(SignedPayloads.inviteeNoShowCreated());

        assertThat(event).isInstanceOf(InviteeNoShowCreatedEvent.class);
        InviteeNoShowCreatedEvent noShow = (InviteeNoShowCreatedEvent) event;
        assertThat(noShow.noShow().uri()).startsWith("https://api.calendly.com/invitee_no_shows/");
        assertThat(noShow.noShow().createdAt()).isEqualTo(Instant.parse("2026-01-20T14:40:00Z"));
        assertThat(noShow.idempotencyKey()).isEqualTo("invitee_no_show.created|" + noShow.noShow().uri());
    }

    @Test
    void parsesANoShowDeleted() {
        CalendlyEvent event = parser.parse(SignedPayloads.inviteeNoShowDeleted());

        assertThat(event).isInstanceOf(InviteeNoShowDeletedEvent.class);
        assertThat(event.idempotencyKey()).startsWith("invitee_no_show.deleted|https://api.calendly.com/invitee_no_shows/");
    }

    @Test
    void acceptsANoShowPayloadThatIsTheNoShowResource() {
        byte[] body = json("{'event':'invitee_no_show.created','payload':{'uri':'https://x/invitee_no_shows/N1',"
                + "'invitee':'https://x/invitees/I1','created_at':'2026-01-20T14:40:00Z'}}");

        InviteeNoShowCreatedEvent event = (InviteeNoShowCreatedEvent) parser.parse(body);

        assertThat(event.invitee().uri()).isEqualTo("https://x/invitees/I1");
        assertThat(event.noShow()).isEqualTo(new NoShow("https://x/invitee_no_shows/N1",
                Instant.parse("2026-01-20T14:40:00Z")));
    }

    @Test
    void identifiesANoShowWithoutMarkByInviteeAndEnvelopeTime() {
        byte[] body = json("{'event':'invitee_no_show.deleted','created_at':'2026-01-20T15:00:00Z',"
                + "'payload':{'uri':'https://x/invitees/I1','no_show':null}}");

        InviteeNoShowDeletedEvent event = (InviteeNoShowDeletedEvent) parser.parse(body);

        assertThat(event.noShow().uri()).isEqualTo("https://x/invitees/I1#no_show@2026-01-20T15:00:00Z");
    }

    @Test
    void parsesARoutingFormSubmission() {
        CalendlyEvent event = parser.parse(SignedPayloads.routingFormSubmissionCreated());

        assertThat(event).isInstanceOf(RoutingFormSubmissionCreatedEvent.class);
        RoutingFormSubmission submission = ((RoutingFormSubmissionCreatedEvent) event).submission();
        assertThat(submission.routingForm()).isEqualTo("https://api.calendly.com/routing_forms/FORM");
        assertThat(submission.submitter()).isNull();
        assertThat(submission.tracking().utmCampaign()).isEqualTo("spring");
        assertThat(submission.questionsAndAnswers()).containsExactly(
                new QuestionAnswer("Company size?", "11-50"), new QuestionAnswer("Interests?", "Pricing\nDemo"));
        assertThat(event.idempotencyKey()).isEqualTo("routing_form_submission.created|" + submission.uri());
    }

    @Test
    void keepsTheRawJsonOfAnUnknownEventKind() {
        byte[] body = SignedPayloads.unknownEvent();

        CalendlyEvent event = parser.parse(body);

        assertThat(event).isInstanceOf(UnknownEvent.class);
        UnknownEvent unknown = (UnknownEvent) event;
        assertThat(unknown.name()).isEqualTo("event_type.updated");
        assertThat(unknown.rawJson()).isEqualTo(new String(body, StandardCharsets.UTF_8));
        assertThat(unknown.resourceUri()).startsWith("https://api.calendly.com/event_types/");
    }

    @Test
    void marksATestDelivery() {
        CalendlyEvent event = parser.parse(SignedPayloads.testDelivery());

        assertThat(event.metadata().test()).isTrue();
    }

    @Test
    void treatsANonBooleanTestFlagAsNotATest() {
        CalendlyEvent event = parser.parse(json("{'test':'true','event':'invitee.created','payload':{'uri':'u'}}"));

        assertThat(event.metadata().test()).isFalse();
    }

    static byte[] json(String singleQuoted) {
        return singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }
}
