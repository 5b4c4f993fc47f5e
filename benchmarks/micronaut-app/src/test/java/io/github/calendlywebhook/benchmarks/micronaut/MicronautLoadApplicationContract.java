package io.github.calendlywebhook.benchmarks.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.testing.LoadApplicationContract;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The load-test contract, against the Micronaut application on its random port. */
abstract class MicronautLoadApplicationContract extends LoadApplicationContract {

    @Inject
    EmbeddedServer server;

    @Override
    protected int port() {
        return server.getPort();
    }

    @Test
    void serverShouldListenOnLoopbackOnly() {
        assertThat(server.getHost()).isEqualTo("127.0.0.1");
    }
}
