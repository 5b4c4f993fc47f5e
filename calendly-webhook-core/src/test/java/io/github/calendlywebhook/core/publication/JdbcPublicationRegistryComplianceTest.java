package io.github.calendlywebhook.core.publication;

import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.JdbcSchema;
import io.github.calendlywebhook.core.store.ProjectingEventStore;
import io.github.calendlywebhook.test.PublicationRegistryComplianceTest;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/** The compliance suite on a JDBC database: each registry on a fresh database whose tables {@link JdbcSchema} creates. */
abstract class JdbcPublicationRegistryComplianceTest extends PublicationRegistryComplianceTest {

    private DataSource current;

    /** Returns a new, empty database; the subclass disposes of it after the test. */
    protected abstract DataSource newDatabase();

    @Override
    protected PublicationRegistry newRegistry() {
        current = newDatabase();
        JdbcSchema.create(current);
        return JdbcPublicationRegistry.create(current);
    }

    @Override
    protected EventStore storeFor(ListenerDispatcher dispatcher) {
        return ProjectingEventStore.jdbc(current, ZoneOffset.UTC, dispatcher.storeParticipant());
    }

    @Override
    protected PublicationRegistry sameDatabase() {
        return JdbcPublicationRegistry.create(current);
    }
}
