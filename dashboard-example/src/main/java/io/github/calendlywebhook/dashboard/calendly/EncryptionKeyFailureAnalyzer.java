package io.github.calendlywebhook.dashboard.calendly;

import io.github.calendlywebhook.core.keys.SigningKeyEncryptionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a start refused because the stored signing keys do not open, without a stack trace. */
final class EncryptionKeyFailureAnalyzer extends AbstractFailureAnalyzer<SigningKeyEncryptionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SigningKeyEncryptionException cause) {
        return new FailureAnalysis("The dashboard did not start: " + cause.getMessage() + ".",
                "Start with the DASHBOARD_ENCRYPTION_KEY the keys were stored with. If it is lost, delete the rows of"
                        + " calendly_signing_key and press Register webhook again (a new signing key is generated).",
                cause);
    }
}
