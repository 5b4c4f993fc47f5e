package io.github.calendlywebhook.benchmarks.spring;

import io.github.calendlywebhook.core.publication.ListenerDispatcher;
import io.github.calendlywebhook.core.testing.LoadApplicationContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The load-test contract, against the Spring application on its random port. */
abstract class SpringLoadApplicationContract extends LoadApplicationContract {

    @LocalServerPort
    int port;

    @Autowired
    Bookings bookings;

    @Autowired
    ListenerDispatcher dispatcher;

    @Override
    protected int port() {
        return port;
    }

    @Override
    protected long bookingsSeen() {
        return bookings.created();
    }

    @Override
    protected ListenerDispatcher dispatcher() {
        return dispatcher;
    }
}
