package io.github.calendlywebhook.dashboard.calendly;

import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The move of the old signing keys on H2, the default database. */
class LegacySigningKeysH2Test extends LegacySigningKeysContract {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    DataSource emptyDatabase() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:legacy-signing-keys-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    @Override
    String vendor() {
        return "h2";
    }
}
