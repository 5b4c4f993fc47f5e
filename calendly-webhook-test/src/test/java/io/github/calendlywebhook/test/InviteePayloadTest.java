package io.github.calendlywebhook.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.event.CalendlyEventParser;
import io.github.calendlywebhook.core.event.InviteeCanceledEvent;
import io.github.calendlywebhook.core.event.InviteeCreatedEvent;
import io.github.calendlywebhook.core.event.InviteeNoShowCreatedEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InviteePayloadTest {

    private static final String INVITEE = "https://api.calendly.com/scheduled_events/E1/invitees/I1";
    private static final Instant AT = Instant.parse("2026-04-01T08:30:00Z");

    private final CalendlyEventParser parser = CalendlyEventParser.create();

    @Test
    void buildsABookingThatParsesWithEveryChosenField() {
        byte[] body = InviteePayload.created().uri(INVITEE).name("Grace \"Amazing\" Hopper").email("grace@example.com")
                .at(AT).eventType("https://api.calendly.com/event_types/T", "Strategy").unpaid().toBytes();

        InviteeCreatedEvent event = (InviteeCreatedEvent) parser.parse(body);

        assertThat(event.metadata().createdAt()).isEqualTo(AT);
        assertThat(event.invitee().uri()).isEqualTo(INVITEE);
        assertThat(event.invitee().name()).isEqualTo("Grace \"Amazing\" Hopper");
        assertThat(event.invitee().email()).isEqualTo("grace@example.com");
        assertThat(event.invitee().payment()).isNull();
        assertThat(event.invitee().scheduledEvent().eventType().key()).isEqualTo("https://api.calendly.com/event_types/T");
        assertThat(event.invitee().scheduledEvent().name()).isEqualTo("Strategy");
    }

    @Test
    void buildsAPaidBookingByDefault() {
        InviteeCreatedEvent event = (InviteeCreatedEvent) parser.parse(InviteePayload.created().toBytes());

        assertThat(event.invitee().payment()).isNotNull();
        assertThat(event.invitee().payment().amount()).isEqualByComparingTo("150.00");
        assertThat(event.invitee().payment().successful()).isTrue();
    }

    @Test
    void buildsBothHalvesOfAReschedule() {
        String next = "https://api.calendly.com/scheduled_events/E2/invitees/I2";

        InviteeCanceledEvent cancel = (InviteeCanceledEvent) parser.parse(
                InviteePayload.canceled().uri(INVITEE).rescheduledTo(next).toBytes());
        InviteeCreatedEvent create = (InviteeCreatedEvent) parser.parse(
                InviteePayload.created().uri(next).rescheduledFrom(INVITEE).toBytes());

        assertThat(cancel.invitee().rescheduled()).isTrue();
        assertThat(cancel.invitee().newInvitee()).isEqualTo(next);
        assertThat(cancel.invitee().cancellation()).isNotNull();
        assertThat(create.invitee().oldInvitee()).isEqualTo(INVITEE);
    }

    @Test
    void keysANoShowByItsMarkAndMarksTestDeliveries() {
        String mark = "https://api.calendly.com/invitee_no_shows/N1";

        InviteeNoShowCreatedEvent noShow = (InviteeNoShowCreatedEvent) parser.parse(
                InviteePayload.noShowCreated(mark).uri(INVITEE).at(AT).test().toBytes());

        assertThat(noShow.noShow().uri()).isEqualTo(mark);
        assertThat(noShow.noShow().createdAt()).isEqualTo(AT);
        assertThat(noShow.idempotencyKey()).contains(mark);
        assertThat(noShow.metadata().test()).isTrue();
    }
}
