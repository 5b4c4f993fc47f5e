package io.github.calendlywebhook.core.store.internal;

import io.github.calendlywebhook.core.store.StoredEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * Writes rows of its own inside the transaction that appends events to a
 * JDBC event store, so that they commit or roll back with the
 * events (the listener publications of {@code io.github.calendlywebhook.core.publication}). It is called once per transaction with the
 * events the transaction newly stores, never with a duplicate; when a combined transaction fails and
 * the store writes its events one by one, it is called again for each of them. An exception fails the
 * transaction, and with it the appends it carries.
 */
@FunctionalInterface
public interface JdbcAppendParticipant {

    /**
     * Writes rows for newly stored events on the append's connection; never commits.
     *
     * @param connection the connection, inside the append transaction
     * @param events the newly stored events, in append order, keyed by the key as the store wrote it
     *     in {@code calendly_event.event_key} (very long keys are replaced by their digest)
     * @throws SQLException to fail the transaction
     */
    void stored(Connection connection, Map<String, StoredEvent> events) throws SQLException;

    /**
     * Called on the thread of each append transaction once it has ended, whether or not it called
     * {@link #stored}; a transaction retried after a rollback ends once. Does nothing by default.
     *
     * @param committed whether the transaction committed
     */
    default void finished(boolean committed) {
    }
}
