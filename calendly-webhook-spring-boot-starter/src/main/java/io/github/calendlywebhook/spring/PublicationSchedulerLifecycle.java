package io.github.calendlywebhook.spring;

import io.github.calendlywebhook.core.publication.ListenerDispatcher;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the dispatcher's scheduling (retries, and the resubmission of what this instance held when it
 * stopped) with the application context, when listeners are registered, and stops it with the context.
 */
final class PublicationSchedulerLifecycle implements SmartLifecycle {

    private final ListenerDispatcher dispatcher;
    private boolean running;

    PublicationSchedulerLifecycle(ListenerDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public synchronized void start() {
        if (!running && !dispatcher.listenerIds().isEmpty()) {
            dispatcher.startScheduling();
            running = true;
        }
    }

    @Override
    public synchronized void stop() {
        if (running) {
            dispatcher.stopScheduling();
            running = false;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }
}
