package io.github.calendlywebhook.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.signature.SignatureVerifier;
import io.github.calendlywebhook.core.signature.WebhookSigner;
import io.github.calendlywebhook.test.SignedPayloads;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SigningKeysSourceTest {

    private final ProcessorFixture fixture = new ProcessorFixture();
    private final AtomicReference<SignatureVerifier> current = new AtomicReference<>(verifier("first-key"));
    private final WebhookProcessor processor = fixture.builder().signingKeys(current::get).build();

    private SignatureVerifier verifier(String secret) {
        return SignatureVerifier.builder().secret(secret).clock(fixture.clock).build();
    }

    private int deliver(String secret) {
        byte[] body = SignedPayloads.inviteeCreated();
        String header = new WebhookSigner(secret, fixture.clock).sign(body);
        return processor.process(Requests.unsigned(body).header("Calendly-Webhook-Signature", header).build())
                .status();
    }

    @Test
    void acceptsAKeyFromTheSourceInsteadOfTheSettingsSecret() {
        assertThat(deliver("first-key")).isEqualTo(200);
        assertThat(deliver(io.github.calendlywebhook.test.ConformanceSettings.SECRET)).isEqualTo(401);
    }

    @Test
    void readsTheSourceForEveryDeliverySoANewKeyWorksWithoutANewProcessor() {
        current.set(verifier("second-key"));

        assertThat(deliver("second-key")).isEqualTo(200);
        assertThat(deliver("first-key")).isEqualTo(401);
    }
}
