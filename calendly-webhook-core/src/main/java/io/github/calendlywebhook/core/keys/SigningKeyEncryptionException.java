package io.github.calendlywebhook.core.keys;

/**
 * The stored signing keys cannot be read with the configured encryption key (another key, none, or an
 * unusable one). The message names the setting and never contains a key; refuse to start on it.
 */
public final class SigningKeyEncryptionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the setting and never a key
     */
    public SigningKeyEncryptionException(String message) {
        super(message);
    }
}
