package io.github.calendlywebhook.core.store;

/**
 * Keys remembered until a deadline: 128-bit digests ({@link KeyDigests}) in a {@link DigestTable}, about
 * 40 to 60 bytes per key whatever its length. Not thread-safe; callers serialize access.
 */
final class RememberedKeys {

    private final DigestTable keys = new DigestTable(0, 0);
    private final KeyDigests digests = new KeyDigests();

    /**
     * Remembers the key until the deadline unless it is already remembered.
     *
     * @return whether the key was new
     */
    boolean add(String key, long deadlineMillis) {
        KeyDigests.Digest digest = digests.of(key);
        if (keys.find(digest.high(), digest.low()) >= 0) {
            return false;
        }
        keys.insert(digest.high(), digest.low(), deadlineMillis);
        return true;
    }

    /** Returns whether the key is remembered. */
    boolean contains(String key) {
        KeyDigests.Digest digest = digests.of(key);
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
