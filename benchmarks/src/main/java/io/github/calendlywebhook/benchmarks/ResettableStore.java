package io.github.calendlywebhook.benchmarks;

import io.github.calendlywebhook.core.store.AppendResult;
import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.InMemoryEventStore;
import io.github.calendlywebhook.core.store.StoredEvent;

/**
 * An {@link InMemoryEventStore} that can be swapped for an empty one, so a benchmark can replay a fixed
 * set of events as new deliveries without the map growing for ever.
 */
public final class ResettableStore implements EventStore {

    private volatile InMemoryEventStore delegate = new InMemoryEventStore();

    @Override
    public AppendResult append(StoredEvent event) {
        return delegate.append(event);
    }

    /** Replaces the stored events with none. */
    public void reset() {
        delegate = new InMemoryEventStore();
    }

    /** Returns the number of events stored since the last reset. */
    public int size() {
        return delegate.size();
    }
}
