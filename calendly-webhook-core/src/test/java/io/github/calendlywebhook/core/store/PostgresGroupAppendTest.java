package io.github.calendlywebhook.core.store;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresGroupAppendTest extends JdbcGroupAppendTest {

    @RegisterExtension
    static final PostgresDatabases POSTGRES = new PostgresDatabases();

    @Override
    protected DataSource newDatabase() {
        return POSTGRES.newDatabase();
    }
}
