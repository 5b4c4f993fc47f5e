package io.github.calendlywebhook.dashboard.calendly;

/**
 * The stored signing keys cannot be read with the configured {@code DASHBOARD_ENCRYPTION_KEY} (another
 * key, or none). The message names the setting and never contains a key.
 */
public final class EncryptionKeyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    EncryptionKeyException(String message) {
        super(message);
    }
}
