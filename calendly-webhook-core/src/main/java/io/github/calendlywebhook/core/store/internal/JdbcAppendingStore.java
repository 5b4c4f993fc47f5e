package io.github.calendlywebhook.core.store.internal;

import org.jspecify.annotations.Nullable;

/**
 * The JDBC event store as other core packages see it: whether its append transactions carry a
 * participant's rows, and that it keeps its events in a database a health probe can ask.
 */
public interface JdbcAppendingStore {

    /**
     * Returns the participant writing in this store's append transactions.
     *
     * @return the participant, or {@code null} when none
     */
    @Nullable JdbcAppendParticipant appendParticipant();
}
