package io.github.calendlywebhook.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The default store: events in a concurrent map, lost when the process ends. Suitable for tests and
 * for applications that only react to events through listeners.
 */
public final class InMemoryEventStore implements EventStore {

    private final ConcurrentMap<String, StoredEvent> events = new ConcurrentHashMap<>();

    @Override
    public AppendResult append(StoredEvent event) {
        return events.putIfAbsent(event.key(), event) == null ? AppendResult.STORED : AppendResult.DUPLICATE;
    }

    /** Returns the number of stored events. */
    public int size() {
        return events.size();
    }

    /** Returns a snapshot of the stored events, in no particular order. */
    public List<StoredEvent> events() {
        return new ArrayList<>(events.values());
    }
}
