package io.github.calendlywebhook.benchmarks.micronaut;

import io.github.calendlywebhook.core.testing.PlainInsertContract;
import jakarta.inject.Inject;
import javax.sql.DataSource;

/** The load-test contract with a database: the webhook's, and the plain-insert floor's. */
abstract class MicronautDatabaseApplicationContract extends MicronautLoadApplicationContract
        implements PlainInsertContract {

    @Inject
    DataSource dataSource;

    @Override
    public int serverPort() {
        return port();
    }

    @Override
    public DataSource database() {
        return dataSource;
    }
}
