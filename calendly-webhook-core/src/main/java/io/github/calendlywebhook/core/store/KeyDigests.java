package io.github.calendlywebhook.core.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Names an identifier by the first 128 bits of its SHA-256, so the in-memory store keeps 16 bytes per
 * key whatever its length; two distinct identifiers are taken for one with a probability far below that
 * of a hardware fault. Thread-safe, so that callers compute a digest before they take their lock.
 */
final class KeyDigests {

    /** One SHA-256 per thread: {@link MessageDigest} is not thread-safe, and a new one per call costs a lookup. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(KeyDigests::sha256);

    private KeyDigests() {
    }

    /** Returns the digest of an identifier. */
    static Digest of(String key) {
        ByteBuffer digest = ByteBuffer.wrap(SHA_256.get().digest(key.getBytes(StandardCharsets.UTF_8)));
        return new Digest(digest.getLong(), digest.getLong());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    /** A 128-bit digest. */
    record Digest(long high, long low) {
    }
}
