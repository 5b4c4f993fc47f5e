package io.github.calendlywebhook.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.signature.WebhookSigner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignedDeliveryTest {

    private static final String SECRET = "kit-test-secret-0123456789";
    private static final Instant AT = Instant.parse("2026-04-01T08:30:00Z");

    @Test
    void signsTheBodyAsTheLibrarysOwnSignerDoes() {
        byte[] body = SignedPayloads.inviteeCreated();

        List<String> signature = SignedDelivery.of(body).secret(SECRET).signedAt(AT).headers()
                .get(SignedDelivery.SIGNATURE_HEADER);

        assertThat(signature).containsExactly(new WebhookSigner(SECRET, Clock.fixed(AT, ZoneOffset.UTC)).sign(body));
    }

    @Test
    void sendsTheSignatureUnderTheLegacyHeaderWhenAsked() {
        SignedDelivery delivery = SignedDelivery.of(SignedPayloads.seedInviteeCreated()).secret(SECRET).legacyHeader();

        assertThat(delivery.headers()).containsKey(SignedDelivery.LEGACY_SIGNATURE_HEADER)
                .doesNotContainKey(SignedDelivery.SIGNATURE_HEADER);
    }

    @Test
    void sendsNoSignatureWithoutASecretButKeepsTheOtherHeaders() {
        SignedDelivery delivery = SignedDelivery.of(SignedPayloads.inviteeCreated()).forwardedFor("203.0.113.9");

        assertThat(delivery.headers()).containsOnlyKeys("Content-Type", "X-Forwarded-For");
        assertThat(delivery.headers().get("Content-Type")).containsExactly("application/json");
    }
}
