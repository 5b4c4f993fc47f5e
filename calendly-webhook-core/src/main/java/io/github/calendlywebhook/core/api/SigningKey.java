package io.github.calendlywebhook.core.api;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A webhook signing key. Calendly never shows it again after creation, so the application stores it
 * (for example as {@code CALENDLY_WEBHOOK_SECRET}). {@link #toString()} never reveals it.
 *
 * @param value the key, as configured on the receiving side
 */
public record SigningKey(String value) {

    /** The number of random bytes in a generated key. */
    public static final int BYTES = 32;

    public SigningKey {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a signing key must not be blank");
        }
    }

    /**
     * Generates a key of {@value #BYTES} random bytes, hex encoded (64 characters, safe in any
     * environment variable or properties file).
     *
     * @param random the source of randomness
     * @return the key
     */
    public static SigningKey generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new SigningKey(HexFormat.of().formatHex(bytes));
    }

    @Override
    public String toString() {
        return "SigningKey[****]";
    }
}
