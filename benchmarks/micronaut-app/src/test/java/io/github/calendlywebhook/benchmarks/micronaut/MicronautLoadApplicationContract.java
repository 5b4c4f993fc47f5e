package io.github.calendlywebhook.benchmarks.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.publication.ListenerDispatcher;
import io.github.calendlywebhook.core.testing.LoadApplicationContract;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The load-test contract, against the Micronaut application on its random port. */
abstract class MicronautLoadApplicationContract extends LoadApplicationContract {

    @Inject
    EmbeddedServer server;

    @Inject
    Bookings bookings;

    @Inject
    ListenerDispatcher dispatcher;

    @Override
    protected int port() {
        return server.getPort();
    }

    @Override
    protected long bookingsSeen() {
        return bookings.created();
    }

    @Override
    protected ListenerDispatcher dispatcher() {
        return dispatcher;
    }

    @Test
    void serverShouldListenOnLoopbackOnly() {
        assertThat(server.getHost()).isEqualTo("127.0.0.1");
    }
}
