package io.github.calendlywebhook.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** AES-GCM encryption of stored secrets. */
class SecretCipherTest {

    static final String BASE64_KEY = Base64.getEncoder().encodeToString(
            "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    private final SecretCipher cipher = SecretCipher.of(BASE64_KEY);

    @Test
    void aValueEncryptsToAPrefixedFormWithoutThePlaintextAndDecryptsBack() {
        String stored = cipher.encrypt("whsec-signing-key-123");

        assertThat(stored).startsWith(SecretCipher.PREFIX).doesNotContain("whsec-signing-key-123");
        assertThat(SecretCipher.isEncrypted(stored)).isTrue();
        assertThat(cipher.decrypt(stored)).isEqualTo("whsec-signing-key-123");
    }

    @Test
    void everyEncryptionUsesAFreshNonce() {
        assertThat(cipher.encrypt("same")).isNotEqualTo(cipher.encrypt("same"));
    }

    @Test
    void anotherKeyCannotDecrypt() {
        String stored = cipher.encrypt("secret");
        SecretCipher other = SecretCipher.of("a long enough passphrase for tests");

        assertThatThrownBy(() -> other.decrypt(stored)).isInstanceOf(SecretCipher.WrongKeyException.class)
                .hasMessageNotContaining(BASE64_KEY);
    }

    @Test
    void anAlteredValueIsRefused() {
        String stored = cipher.encrypt("secret");
        int at = SecretCipher.PREFIX.length() + 20;
        String altered = stored.substring(0, at) + (stored.charAt(at) == 'A' ? 'B' : 'A') + stored.substring(at + 1);

        assertThatThrownBy(() -> cipher.decrypt(altered)).isInstanceOf(SecretCipher.WrongKeyException.class);
    }

    @Test
    void aPassphraseDerivesTheSameKeyEveryTime() {
        String stored = SecretCipher.of("correct horse battery staple").encrypt("secret");

        assertThat(SecretCipher.of("correct horse battery staple").decrypt(stored)).isEqualTo("secret");
    }

    @Test
    void aShortPassphraseIsRefusedWithoutEchoingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> SecretCipher.of("short-pass"))
                .withMessageContaining("at least 16").withMessageNotContaining("short-pass");
    }

    @Test
    void toStringNeverShowsTheKey() {
        assertThat(cipher.toString()).doesNotContain(BASE64_KEY).contains("******");
    }
}
