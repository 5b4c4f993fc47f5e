package io.github.calendlywebhook.core.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Names an identifier by the first 128 bits of its SHA-256, so the in-memory store keeps 16 bytes per
 * key whatever its length; two distinct identifiers are taken for one with a probability far below that
 * of a hardware fault. Not thread-safe; callers serialize access.
 */
final class KeyDigests {

    private final MessageDigest sha256;

    KeyDigests() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    /** Returns the digest of an identifier. */
    Digest of(String key) {
        ByteBuffer digest = ByteBuffer.wrap(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
        return new Digest(digest.getLong(), digest.getLong());
    }

    /** A 128-bit digest. */
    record Digest(long high, long low) {
    }
}
