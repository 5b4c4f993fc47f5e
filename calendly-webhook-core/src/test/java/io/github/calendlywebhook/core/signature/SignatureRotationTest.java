package io.github.calendlywebhook.core.signature;

import static io.github.calendlywebhook.core.signature.SignatureVerifierTest.assertReason;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.calendlywebhook.core.signature.SignatureVerificationException.Reason;
import io.github.calendlywebhook.test.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignatureRotationTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    private static final Instant OLD_EXPIRES = NOW.plus(Duration.ofHours(1));
    private static final byte[] BODY = "{\"event\":\"invitee.created\"}".getBytes(StandardCharsets.UTF_8);

    private final MutableClock clock = MutableClock.at(NOW);
    private final SignatureVerifier verifier = SignatureVerifier.builder()
            .secret("new-secret")
            .previousSecret("old-secret", OLD_EXPIRES)
            .clock(clock)
            .build();

    private String signedWith(String secret) {
        return new WebhookSigner(secret, clock).sign(BODY);
    }

    @Test
    void acceptsCurrentSecret() {
        assertThatCode(() -> verifier.verify(signedWith("new-secret"), BODY)).doesNotThrowAnyException();
    }

    @Test
    void acceptsPreviousSecretBeforeItExpires() {
        clock.set(OLD_EXPIRES.minusMillis(1));

        assertThatCode(() -> verifier.verify(signedWith("old-secret"), BODY)).doesNotThrowAnyException();
    }

    @Test
    void acceptsOpenSslVectorUnderPreviousSecret() {
        // printf '%s' '1700000000.{"event":"invitee.created"}' | openssl dgst -sha256 -hmac 'old-secret'
        String header = "t=1700000000,v1=a3ad5ac877f837ad71b719edd958869f62f9ab47fbe50e34549e6a95c241d9f1";

        assertThatCode(() -> verifier.verify(header, BODY)).doesNotThrowAnyException();
    }

    @Test
    void rejectsPreviousSecretFromItsExpiryInstant() {
        clock.set(OLD_EXPIRES);

        assertThatThrownBy(() -> verifier.verify(signedWith("old-secret"), BODY))
                .isInstanceOfSatisfying(SignatureVerificationException.class, e -> assertReason(e, Reason.MISMATCH));
    }

    @Test
    void keepsAcceptingCurrentSecretAfterPreviousExpired() {
        clock.set(OLD_EXPIRES.plus(Duration.ofDays(30)));

        assertThatCode(() -> verifier.verify(signedWith("new-secret"), BODY)).doesNotThrowAnyException();
    }

    @Test
    void acceptsHeaderCarryingSignaturesUnderBothSecretsAfterPreviousExpired() {
        clock.set(OLD_EXPIRES);
        String oldV1 = signedWith("old-secret").split("v1=")[1];
        String header = signedWith("new-secret") + ",v1=" + oldV1;

        assertThatCode(() -> verifier.verify(header, BODY)).doesNotThrowAnyException();
    }
}
