package io.github.calendlywebhook.core.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one secret. The provider lookup and key schedule happen once, here; each
 * computation clones the initialised prototype, because a {@link Mac} is not thread-safe.
 */
final class HmacSha256 {

    static final int LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final Mac prototype;
    private final boolean cloneable;
    private final SecretKeySpec key;

    HmacSha256(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        try {
            this.prototype = Mac.getInstance(ALGORITHM);
            prototype.init(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
        this.cloneable = canClone(prototype);
    }

    /** Returns HMAC-SHA256 over {@code timestamp + "." + body}, reading the body as raw bytes. */
    byte[] sign(String timestamp, byte[] body) {
        Mac mac = newMac();
        mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) '.');
        mac.update(body);
        return mac.doFinal();
    }

    private Mac newMac() {
        try {
            if (cloneable) {
                return (Mac) prototype.clone();
            }
            Mac mac = Mac.getInstance(ALGORITHM, prototype.getProvider());
            mac.init(key);
            return mac;
        } catch (CloneNotSupportedException | GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static boolean canClone(Mac mac) {
        try {
            mac.clone();
            return true;
        } catch (CloneNotSupportedException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "HmacSha256[******]";
    }
}
