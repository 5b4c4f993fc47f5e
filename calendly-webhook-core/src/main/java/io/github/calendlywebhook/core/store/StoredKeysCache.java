package io.github.calendlywebhook.core.store;

/**
 * The keys of the latest events the database confirmed as stored, so that a redelivery of one of them is
 * answered {@link AppendResult#DUPLICATE} without a transaction. A key is remembered only from a result
 * returned after the commit ({@code STORED}, or {@code DUPLICATE} for a row another transaction
 * committed), and the store never deletes an event, so a remembered key is always in the database.
 * Bounded: past the capacity, the key remembered first is forgotten first, and its redelivery goes to the
 * database again. About 60 bytes per key. Thread-safe.
 */
final class StoredKeysCache {

    /** The keys a durable store remembers by default: about 4 MB. */
    static final int DEFAULT_CAPACITY = 65_536;

    private final RememberedKeys keys = new RememberedKeys();
    private final int capacity;
    /** Counts the keys remembered so far; each key's deadline is its number, so expiring drops the oldest. */
    private long remembered;

    StoredKeysCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Returns whether the key, named by its {@link KeyDigests#of digest}, is known to be stored. */
    synchronized boolean isStored(KeyDigests.Digest key) {
        return keys.contains(key);
    }

    /** Remembers a key the database has committed. */
    synchronized void stored(KeyDigests.Digest key) {
        if (keys.add(key, remembered + 1)) {
            remembered++;
            keys.expire(remembered - capacity);
        }
    }

    synchronized int size() {
        return keys.size();
    }
}
