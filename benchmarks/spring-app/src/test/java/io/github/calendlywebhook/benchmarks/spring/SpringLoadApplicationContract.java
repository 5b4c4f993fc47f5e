package io.github.calendlywebhook.benchmarks.spring;

import io.github.calendlywebhook.core.testing.LoadApplicationContract;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The load-test contract, against the Spring application on its random port. */
abstract class SpringLoadApplicationContract extends LoadApplicationContract {

    @LocalServerPort
    int port;

    @Override
    protected int port() {
        return port;
    }
}
