package io.github.calendlywebhook.core.keys;

import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The signing-key store on H2. */
class SigningKeyStoreH2Test extends SigningKeyStoreContract {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    DataSource emptyDatabase() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:signing-keys-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }
}
