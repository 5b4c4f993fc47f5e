package io.github.calendlywebhook.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the envelope parser. Without {@code JAZZER_FUZZ=1} the method replays its
 * committed corpus under {@code CalendlyEventParserJazzerTestInputs/} as a plain test.
 */
class CalendlyEventParserJazzerTest {

    private final CalendlyEventParser parser = CalendlyEventParser.create();

    @FuzzTest(maxDuration = "3m")
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
