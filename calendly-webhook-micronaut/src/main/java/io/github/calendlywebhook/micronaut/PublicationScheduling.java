package io.github.calendlywebhook.micronaut;

import io.github.calendlywebhook.core.publication.ListenerDispatcher;

/**
 * The dispatcher's scheduling of retries as a bean: started when the context creates it, stopped when
 * the context closes it.
 */
final class PublicationScheduling implements AutoCloseable {

    private final ListenerDispatcher dispatcher;

    PublicationScheduling(ListenerDispatcher dispatcher) {
        this.dispatcher = dispatcher;
        dispatcher.startScheduling();
    }

    @Override
    public void close() {
        dispatcher.stopScheduling();
    }
}
