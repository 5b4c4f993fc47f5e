package io.github.calendlywebhook.core.store;

/**
 * Keys remembered until a deadline: 128-bit digests ({@link KeyDigests}) in a {@link DigestTable}, about
 * 40 to 60 bytes per key whatever its length. Not thread-safe; callers serialize access.
 */
final class RememberedKeys {

    private final DigestTable keys = new DigestTable(0, 0);

    /**
     * Remembers the key until the deadline unless it is already remembered.
     *
     * @param digest the key's {@link KeyDigests#of digest}, computed before the caller's lock
     * @return whether the key was new
     */
    boolean add(KeyDigests.Digest digest, long deadlineMillis) {
        if (keys.find(digest.high(), digest.low()) >= 0) {
            return false;
        }
        keys.insert(digest.high(), digest.low(), deadlineMillis);
        return true;
    }

    /** Returns whether the key, named by its digest, is remembered. */
    boolean contains(KeyDigests.Digest digest) {
        return keys.find(digest.high(), digest.low()) >= 0;
    }

    /** Forgets the keys whose deadline is at or before the given time. */
    void expire(long nowMillis) {
        keys.expire(nowMillis, slot -> { });
    }

    int size() {
        return keys.size();
    }
}
