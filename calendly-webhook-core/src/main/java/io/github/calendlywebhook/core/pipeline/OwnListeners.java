package io.github.calendlywebhook.core.pipeline;

import io.github.calendlywebhook.core.event.CalendlyEventListener;
import io.github.calendlywebhook.core.publication.PublicationRegistry;
import io.github.calendlywebhook.core.publication.ListenerDispatcher;
import io.github.calendlywebhook.core.publication.ListenerDispatcherBuilder;
import io.github.calendlywebhook.core.publication.ListenerSettings;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.Map;

/**
 * The listeners added to a {@link WebhookProcessor.Builder}: delivered at least once by a dispatcher of
 * their own on an {@link PublicationRegistry#inMemory() in-memory registry}, so they are retried while the process runs. Its
 * scheduler starts with the first publication left incomplete: listeners that never throw start no thread.
 */
final class OwnListeners implements AutoCloseable {

    private final ListenerDispatcher dispatcher;
    private volatile boolean scheduled;
    private boolean closed;

    OwnListeners(Map<String, CalendlyEventListener> listeners, ListenerSettings settings, Clock clock) {
        ListenerDispatcherBuilder builder = ListenerDispatcher.builder(PublicationRegistry.inMemory(), settings)
                .clock(clock);
        listeners.forEach(builder::listener);
        this.dispatcher = builder.build();
    }

    /**
     * Returns the id a listener added without one gets: its class name, followed by {@code #2}, {@code #3}
     * for further listeners of the same class, so it stays the same from one run to the next.
     *
     * @throws IllegalArgumentException for a class whose name changes between runs (hidden or proxy)
     */
    static String derivedId(CalendlyEventListener listener, Map<String, ?> taken) {
        Class<?> type = listener.getClass();
        if (type.isHidden() || Proxy.isProxyClass(type)) {
            throw new IllegalArgumentException("the listener id of " + type.getName() + " cannot be derived from its "
                    + "class, whose name changes between runs; add it with listener(id, listener)");
        }
        String id = type.getName();
        for (int n = 2; taken.containsKey(id); n++) {
            id = type.getName() + "#" + n;
        }
        return id;
    }

    ListenerDispatcher dispatcher() {
        return dispatcher;
    }

    /** Starts the retries once a publication is left incomplete (checked after each first attempt). */
    void scheduleWhenOutstanding() {
        if (scheduled || dispatcher.counts().incomplete() == 0) {
            return;
        }
        synchronized (this) {
            if (!scheduled && !closed) {
                dispatcher.startRetrying();
                scheduled = true;
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        dispatcher.close();
    }
}
