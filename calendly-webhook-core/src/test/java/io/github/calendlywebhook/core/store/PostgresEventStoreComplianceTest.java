package io.github.calendlywebhook.core.store;

import io.github.calendlywebhook.test.ProjectingEventStoreComplianceTest;
import java.time.ZoneId;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresEventStoreComplianceTest extends ProjectingEventStoreComplianceTest {

    @RegisterExtension
    static final PostgresDatabases POSTGRES = new PostgresDatabases();

    @Override
    protected ProjectingEventStore newStore(ZoneId zone) {
        return JdbcEventStore.create(POSTGRES.newDatabase(), zone);
    }
}
