package io.github.calendlywebhook.core.pipeline;

import io.github.calendlywebhook.core.signature.SignatureVerificationException;
import io.github.calendlywebhook.core.signature.SignatureVerifier;
import io.github.calendlywebhook.core.signature.SigningKeys;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Picks the signature header (Calendly's name first, then the setup guide's) and verifies it. A header
 * repeated with different values is refused: which copy a proxy or framework keeps is not defined.
 */
final class SignatureCheck {

    private final SigningKeys keys;

    SignatureCheck(SigningKeys keys) {
        this.keys = keys;
    }

    /** Returns {@code null} when the body is signed correctly, otherwise a message safe to send back. */
    @Nullable String failure(WebhookRequest request, byte[] body, Delivery delivery) {
        List<String> values = request.headers(SignatureVerifier.HEADER);
        if (values.isEmpty()) {
            values = request.headers(SignatureVerifier.LEGACY_HEADER);
        }
        String header = values.isEmpty() ? null : values.get(0);
        delivery.signatureHeader = header;
        for (int i = 1; i < values.size(); i++) {
            if (!values.get(i).equals(header)) {
                return "conflicting signature headers";
            }
        }
        try {
            keys.verifier().verify(header, body);
            return null;
        } catch (SignatureVerificationException e) {
            return e.getMessage();
        }
    }
}
