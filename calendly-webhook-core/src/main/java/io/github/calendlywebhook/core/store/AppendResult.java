package io.github.calendlywebhook.core.store;

/** What {@link EventStore#append(StoredEvent)} did. */
public enum AppendResult {
    /** The event was new and is now durable. */
    STORED,
    /** An event with the same key was already stored; nothing changed. */
    DUPLICATE
}
