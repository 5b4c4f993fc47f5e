package io.github.calendlywebhook.core.publication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicationErrorTest {

    @Test
    void keepsTheClassAndTheFirstLineOfTheMessageOnly() {
        PublicationError error = PublicationError.of(new IllegalStateException("CRM down\r\nbody: {\"email\":\"x\"}"));

        assertThat(error).isEqualTo(new PublicationError(IllegalStateException.class.getName(), "CRM down"));
    }

    @Test
    void cutsALongMessageAndReplacesControlCharacters() {
        PublicationError error = PublicationError.of(new RuntimeException("a\tb" + "c".repeat(1_000)));

        assertThat(error.message()).hasSize(PublicationError.MAX_MESSAGE).startsWith("a b").endsWith("...");
    }

    @Test
    void aThrowableWithoutAMessageLeavesAnEmptyOne() {
        assertThat(PublicationError.of(new NullPointerException()).message()).isEmpty();
    }
}
