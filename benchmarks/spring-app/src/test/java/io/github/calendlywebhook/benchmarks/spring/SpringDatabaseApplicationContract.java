package io.github.calendlywebhook.benchmarks.spring;

import io.github.calendlywebhook.core.testing.PlainInsertContract;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The load-test contract with a database: the webhook's, and the plain-insert floor's. */
abstract class SpringDatabaseApplicationContract extends SpringLoadApplicationContract implements PlainInsertContract {

    @Autowired
    DataSource dataSource;

    @Override
    public int serverPort() {
        return port;
    }

    @Override
    public DataSource database() {
        return dataSource;
    }
}
