package io.github.calendlywebhook.core.signature;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignatureBuilderTest {

    @Test
    void buildWithoutSecretFails() {
        assertThatThrownBy(() -> SignatureVerifier.builder().build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void blankSecretIsRejected() {
        assertThatThrownBy(() -> SignatureVerifier.builder().secret(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blankPreviousSecretIsRejected() {
        assertThatThrownBy(() -> SignatureVerifier.builder().previousSecret("", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zeroToleranceIsRejected() {
        assertThatThrownBy(() -> SignatureVerifier.builder().tolerance(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeToleranceIsRejected() {
        assertThatThrownBy(() -> SignatureVerifier.builder().tolerance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signerRejectsBlankSecret() {
        assertThatThrownBy(() -> new WebhookSigner("", Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signerRejectsTimestampBeforeTheEpoch() {
        WebhookSigner signer = new WebhookSigner("secret", Clock.systemUTC());

        assertThatThrownBy(() -> signer.sign(new byte[0], Instant.EPOCH.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
