package io.github.calendlywebhook.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the envelope parser. Without {@code JAZZER_FUZZ=1} the method replays its
 * committed corpus under {@code CalendlyEventParserJazzerTestInputs/} as a plain test.
 */
class CalendlyEventParserJazzerTest {

    private final CalendlyEventParser parser = CalendlyEventParser.create();

    @FuzzTest(maxDuration = "3m")
    @DictionaryEntries({"{", "}", "[", "]", ":", ",", "\"", "null", "true", "false", "\"event\"", "\"payload\"",
        "\"uri\"", "\"uuid\"", "\"invitee\"", "\"event_type\"", "\"no_show\"", "\"payment\"", "\"amount\"",
        "\"scheduled_event\"", "\"cancellation\"", "\"rescheduled\"", "\"questions_and_answers\"",
        "\"invitee.created\"", "\"invitee.canceled\"", "\"invitee_no_show.created\"",
        "\"invitee_no_show.deleted\"", "\"routing_form_submission.created\"", "\"created_at\"", "\"time\"",
        "\"tracking\"", "\"submission\"", "1e999", "-0.0", "\\u0000"})
    void anyBodyParsesToAKeyedEventOrFailsAsMalformed(byte[] body) {
        CalendlyEvent event;
        try {
            event = parser.parse(body);
        } catch (MalformedPayloadException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(event.idempotencyKey()).isNotBlank();
        assertThat(event.metadata().name()).isNotBlank();
    }
}
