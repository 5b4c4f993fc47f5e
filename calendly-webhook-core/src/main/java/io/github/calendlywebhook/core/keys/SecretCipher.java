package io.github.calendlywebhook.core.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Encrypts short secrets (webhook signing keys) for storage with AES-256-GCM: a fresh random 96-bit nonce
 * per value, a 128-bit tag, and a fixed associated-data label so a value cannot be moved to another use.
 * A stored value reads {@code enc:v1:<base64(nonce || ciphertext || tag)>}.
 *
 * <p>The key comes from one configured string: exactly 32 bytes in standard base64 (for example
 * {@code openssl rand -base64 32}) are used as the AES key as they are; any other string of at least
 * {@value #MIN_PASSPHRASE_LENGTH} characters is a passphrase, stretched with PBKDF2-HMAC-SHA256
 * ({@value #PBKDF2_ITERATIONS} iterations, a fixed application salt) into the key. Immutable and thread-safe;
 * neither the key nor a value ever appears in a message or {@link #toString()}.
 */
public final class SecretCipher {

    /** The prefix of every value this class wrote. */
    public static final String PREFIX = "enc:v1:";
    /** The shortest passphrase accepted. */
    public static final int MIN_PASSPHRASE_LENGTH = 16;
    /** PBKDF2 iterations for a passphrase. */
    public static final int PBKDF2_ITERATIONS = 310_000;

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] SALT = "calendly-dashboard/secret-cipher/v1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] LABEL = "calendly-dashboard signing key".getBytes(StandardCharsets.UTF_8);

    private final SecretKeySpec key;
    private final SecureRandom random;

    private SecretCipher(byte[] key, SecureRandom random) {
        this.key = new SecretKeySpec(key, "AES");
        this.random = random;
    }

    /**
     * Returns the cipher of a configured key: 32 bytes in base64, or a passphrase.
     *
     * @param configured the configured key material
     * @return the cipher
     * @throws IllegalArgumentException when the material is neither (the message never contains it)
     */
    public static SecretCipher of(String configured) {
        return of(configured, new SecureRandom());
    }

    static SecretCipher of(String configured, SecureRandom random) {
        String material = configured.strip();
        byte[] raw = base64Key(material);
        if (raw != null) {
            return new SecretCipher(raw, random);
        }
        if (material.length() < MIN_PASSPHRASE_LENGTH) {
            throw new IllegalArgumentException("the encryption key must be 32 bytes in base64 (openssl rand -base64 32)"
                    + " or a passphrase of at least " + MIN_PASSPHRASE_LENGTH + " characters");
        }
        return new SecretCipher(pbkdf2(material), random);
    }

    /**
     * Returns whether a stored value was written by this class (by any key).
     *
     * @param stored the stored value
     * @return whether it is encrypted
     */
    public static boolean isEncrypted(String stored) {
        return stored.startsWith(PREFIX);
    }

    /**
     * Encrypts a value.
     *
     * @param plaintext the secret
     * @return the stored form, starting with {@link #PREFIX}
     */
    public String encrypt(String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(LABEL);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every JVM", e);
        }
    }

    /**
     * Decrypts a stored value.
     *
     * @param stored a value written by {@link #encrypt}
     * @return the secret
     * @throws WrongKeyException when the value was written with another key or was altered
     */
    public String decrypt(String stored) {
        if (!isEncrypted(stored)) {
            throw new IllegalArgumentException("the value is not encrypted");
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new WrongKeyException();
        }
        if (all.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new WrongKeyException();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(LABEL);
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new WrongKeyException();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every JVM", e);
        }
    }

    private static byte @Nullable [] base64Key(String material) {
        try {
            byte[] raw = Base64.getDecoder().decode(material);
            return raw.length == 32 ? raw : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] pbkdf2(String passphrase) {
        try {
            PBEKeySpec spec = new PBEKeySpec(passphrase.toCharArray(), SALT, PBKDF2_ITERATIONS, 256);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is required by every JVM", e);
        }
    }

    @Override
    public String toString() {
        return "SecretCipher[AES-256-GCM, key=******]";
    }

    /** A stored value that does not open with the configured key: another key wrote it, or it was altered. */
    public static final class WrongKeyException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        WrongKeyException() {
            super("a stored value does not decrypt with the configured encryption key");
        }
    }
}
