package io.github.calendlywebhook.core.signature;

/**
 * The secrets a webhook processor accepts, read for every delivery, so an application can change them
 * (after registering or rotating a Calendly webhook subscription) without a restart.
 */
@FunctionalInterface
public interface SigningKeys {

    /**
     * Returns the verifier for the secrets accepted now. Called once per delivery, so it must be cheap
     * (return a prepared verifier, never build one per call).
     *
     * @return the verifier
     */
    SignatureVerifier verifier();

    /**
     * Returns a source that always answers the same verifier.
     *
     * @param verifier the verifier
     * @return the source
     */
    static SigningKeys fixed(SignatureVerifier verifier) {
        java.util.Objects.requireNonNull(verifier, "verifier");
        return () -> verifier;
    }
}
