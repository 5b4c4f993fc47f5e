package io.github.calendlywebhook.core.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Keys remembered until a deadline, oldest first. A key is held as the first 128 bits of its SHA-256
 * (about 90 bytes per key whatever its length), so two distinct keys are taken for one with a
 * probability far below that of a hardware fault. Not thread-safe; callers serialize access.
 */
final class RememberedKeys {

    private final Map<Digest, Digest> keys = new HashMap<>();
    private final ArrayDeque<Digest> byDeadline = new ArrayDeque<>();
    private final MessageDigest sha256;

    RememberedKeys() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    /**
     * Remembers the key until the deadline unless it is already remembered.
     *
     * @return whether the key was new
     */
    boolean add(String key, long deadlineMillis) {
        ByteBuffer digest = ByteBuffer.wrap(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
        Digest entry = new Digest(digest.getLong(), digest.getLong(), deadlineMillis);
        if (keys.putIfAbsent(entry, entry) != null) {
            return false;
        }
        byDeadline.addLast(entry);
        return true;
    }

    /** Forgets the keys whose deadline is at or before the given time. */
    void expire(long nowMillis) {
        Digest oldest = byDeadline.peekFirst();
        while (oldest != null && oldest.deadline <= nowMillis) {
            keys.remove(byDeadline.removeFirst());
            oldest = byDeadline.peekFirst();
        }
    }

    int size() {
        return keys.size();
    }

    /** A remembered key; equal to another when their digests are. */
    private static final class Digest {

        private final long high;
        private final long low;
        private final long deadline;

        Digest(long high, long low, long deadline) {
            this.high = high;
            this.low = low;
            this.deadline = deadline;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Digest && ((Digest) other).high == high && ((Digest) other).low == low;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(high);
        }
    }
}
