package io.github.calendlywebhook.spring;

import io.github.calendlywebhook.core.publication.ListenerDispatcher;
import io.github.calendlywebhook.core.publication.PublicationScheduler;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the {@link PublicationScheduler} (retries, and the resubmission of what this instance held when
 * it stopped) with the application context, when listeners are registered, and stops it with the context.
 */
final class PublicationSchedulerLifecycle implements SmartLifecycle {

    private final ListenerDispatcher dispatcher;
    private @Nullable PublicationScheduler scheduler;

    PublicationSchedulerLifecycle(ListenerDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public synchronized void start() {
        if (scheduler == null && !dispatcher.listenerIds().isEmpty()) {
            scheduler = PublicationScheduler.start(dispatcher);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.close();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
