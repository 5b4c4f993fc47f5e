package io.github.calendlywebhook.core.event;

import static io.github.calendlywebhook.core.event.CalendlyEventParserTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CalendlyEventParserRobustnessTest {

    private final CalendlyEventParser parser = CalendlyEventParser.create();

    @Test
    void acceptsAnInviteeWithOnlyItsUri() {
        InviteeCreatedEvent event = (InviteeCreatedEvent) parser.parse(
                json("{'event':'invitee.created','payload':{'uri':'https://x/invitees/1'}}"));

        assertThat(event.invitee().scheduledEvent().eventType().key()).isEqualTo(EventTypeRef.UNKNOWN_KEY);
        assertThat(event.invitee().payment()).isNull();
        assertThat(event.invitee().questionsAndAnswers()).isEmpty();
        assertThat(event.metadata().createdAt()).isNull();
    }

    @Test
    void ignoresUnknownFields() {
        CalendlyEvent event = parser.parse(json(
                "{'event':'invitee.created','future':{'a':[1,2]},'payload':{'uri':'u','brand_new':true}}"));

        assertThat(event.idempotencyKey()).isEqualTo("invitee.created|u");
    }

    @Test
    void treatsWrongTypedOptionalFieldsAsAbsent() {
        InviteeCanceledEvent event = (InviteeCanceledEvent) parser.parse(json("{'event':'invitee.canceled',"
                + "'created_at':42,'created_by':['x'],'payload':{'uri':'u','name':7,'email':{},'rescheduled':'yes',"
                + "'created_at':'not a time','scheduled_event':'oops','cancellation':[],'payment':{'amount':true},"
                + "'no_show':'x','tracking':5,'questions_and_answers':{'q':'a'}}}"));

        Invitee invitee = event.invitee();
        assertThat(invitee.name()).isNull();
        assertThat(invitee.email()).isNull();
        assertThat(invitee.rescheduled()).isFalse();
        assertThat(invitee.createdAt()).isNull();
        assertThat(invitee.cancellation()).isNull();
        assertThat(invitee.payment()).isNull();
        assertThat(invitee.tracking()).isEqualTo(Tracking.NONE);
        assertThat(event.metadata().createdAt()).isNull();
        assertThat(event.metadata().createdBy()).isNull();
    }

    @Test
    void ignoresAnAmountWithAnAbsurdExponent() {
        InviteeCreatedEvent event = (InviteeCreatedEvent) parser.parse(
                json("{'event':'invitee.created','payload':{'uri':'u','payment':{'amount':1e999999}}}"));

        assertThat(event.invitee().payment()).isNull();
    }

    @Test
    void acceptsTimestampsWithAnOffset() {
        CalendlyEvent event = parser.parse(
                json("{'event':'invitee.created','created_at':'2026-01-15T11:00:00+01:00','payload':{'uri':'u'}}"));

        assertThat(event.metadata().createdAt()).hasToString("2026-01-15T10:00:00Z");
    }

    @Test
    void keysAnUnknownEventWithoutUriByTheBodyDigest() {
        byte[] body = json("{'event':'contact.created','payload':{'id':1}}");

        CalendlyEvent event = parser.parse(body);

        assertThat(event.idempotencyKey()).startsWith("contact.created|sha256:");
        assertThat(parser.parse(body).idempotencyKey()).isEqualTo(event.idempotencyKey());
    }

    @Test
    void identifiesAV2InviteeByUuidWhenItHasNoUri() {
        CalendlyEvent event = parser.parse(json("{'event':'invitee.created','payload':{'uuid':'ABC'}}"));

        assertThat(event.idempotencyKey()).isEqualTo("invitee.created|uuid:ABC");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "   ", "{", "nope", "[]", "\"invitee.created\"", "null", "42",
        "{'event':'invitee.created','payload':{'uri':'u'}} trailing",
        "{'payload':{'uri':'u'}}",
        "{'event':'','payload':{'uri':'u'}}",
        "{'event':'  ','payload':{'uri':'u'}}",
        "{'event':12,'payload':{'uri':'u'}}",
        "{'event':'invitee created\\n','payload':{'uri':'u'}}",
        "{'event':'invitee.created'}",
        "{'event':'invitee.created','payload':[]}",
        "{'event':'invitee.created','payload':'x'}",
        "{'event':'invitee.created','payload':{}}",
        "{'event':'invitee.canceled','payload':{'uri':'  ','uuid':7}}",
        "{'event':'invitee_no_show.created','payload':{'name':'x'}}",
        "{'event':'routing_form_submission.created','payload':{'routing_form':'f'}}",
        "{'event':'invitee.created','payload':{'invitee':{'name':'no uuid'}}}",
        "{'event':'invitee.created','event':'invitee.canceled','payload':{'uri':'u'}}",
    })
    void rejectsWhatIsNotACalendlyEnvelope(String body) {
        assertThatThrownBy(() -> parser.parse(json(body)))
                .isInstanceOf(MalformedPayloadException.class)
                .extracting(e -> ((MalformedPayloadException) e).code()).isEqualTo("malformed_payload");
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] body = {'{', '"', 'e', 'v', 'e', 'n', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertThatThrownBy(() -> parser.parse(body)).isInstanceOf(MalformedPayloadException.class)
                .hasMessage("body is not valid UTF-8");
    }

    @Test
    void rejectsUtf16() {
        byte[] body = "{\"event\":\"invitee.created\",\"payload\":{\"uri\":\"u\"}}".getBytes(StandardCharsets.UTF_16);

        assertThatThrownBy(() -> parser.parse(body)).isInstanceOf(MalformedPayloadException.class);
    }

    @Test
    void rejectsNestingBeyondTheLimit() {
        String deep = "[".repeat(100) + "]".repeat(100);
        byte[] body = json("{'event':'x.y','payload':{'uri':'u','deep':" + deep + "}}");

        assertThatThrownBy(() -> parser.parse(body)).isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("parser limit");
    }

    @Test
    void rejectsANumberLongerThanTheLimit() {
        byte[] body = json("{'event':'x.y','payload':{'uri':'u','n':" + "9".repeat(101) + "}}");

        assertThatThrownBy(() -> parser.parse(body)).isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("parser limit");
    }

    @Test
    void rejectsAStringLongerThanTheBodyLimit() {
        CalendlyEventParser small = CalendlyEventParser.create(1024);
        byte[] body = json("{'event':'x.y','payload':{'uri':'u','s':'" + "a".repeat(2000) + "'}}");

        assertThatThrownBy(() -> small.parse(body)).isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("parser limit");
    }

    @Test
    void neverQuotesTheBodyInItsMessage() {
        byte[] body = json("{'event':'invitee.created', SECRET-LOOKING-TOKEN }");

        assertThatThrownBy(() -> parser.parse(body)).isInstanceOf(MalformedPayloadException.class)
                .hasMessageStartingWith("body is not valid JSON at line 1")
                .hasMessageNotContaining("SECRET");
    }

    @Test
    void ignoresALeadingByteOrderMark() {
        byte[] json = json("{'event':'invitee.created','payload':{'uri':'u'}}");
        byte[] body = new byte[json.length + 3];
        body[0] = (byte) 0xEF;
        body[1] = (byte) 0xBB;
        body[2] = (byte) 0xBF;
        System.arraycopy(json, 0, body, 3, json.length);

        assertThat(parser.parse(body).idempotencyKey()).isEqualTo("invitee.created|u");
    }
}
