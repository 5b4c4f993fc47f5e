package io.github.calendlywebhook.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void returnsCleanTextAsItIs() {
        String text = "203.0.113.7";

        assertThat(LogText.clean(text)).isSameAs(text);
    }

    @Test
    void replacesControlAndLineSeparatorCharacters() {
        assertThat(LogText.clean("a\nb\u0000c\u2028d\u2029e\u0085f")).isEqualTo("a?b?c?d?e?f");
    }

    @Test
    void boundsLongTextEvenWhenItIsClean() {
        String cleaned = LogText.clean("x".repeat(301));

        assertThat(cleaned).isEqualTo("x".repeat(300) + "...");
    }

    @Test
    void keepsTextOfExactlyTheBound() {
        assertThat(LogText.clean("x".repeat(300))).isEqualTo("x".repeat(300));
    }

    @Test
    void signatureTimestampKeepsOnlyTheDigits() {
        assertThat(LogText.signatureTimestamp("t=1700000000,v1=abc")).isEqualTo("t=1700000000");
        assertThat(LogText.signatureTimestamp("t=17x,v1=abc")).isEqualTo("t=<malformed>");
        assertThat(LogText.signatureTimestamp("v1=abc")).isEqualTo("t=<absent>");
        assertThat(LogText.signatureTimestamp(null)).isNull();
    }
}
