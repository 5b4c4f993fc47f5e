package io.github.calendlywebhook.core.health;

import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.JdbcSchema;
import io.github.calendlywebhook.core.store.StoreUnavailableException;
import io.github.calendlywebhook.core.store.internal.JdbcAppendingStore;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** Checks whether the event store can be reached now, for a health check. */
@FunctionalInterface
public interface StoreProbe {

    /**
     * Probes the store; never throws.
     *
     * @return {@link StoreStatus#REACHABLE}, {@link StoreStatus#UNREACHABLE} or {@link StoreStatus#TABLES_MISSING}
     */
    StoreStatus probe();

    /**
     * Returns a probe that asks the database whether the webhook tables exist.
     *
     * @param dataSource the database of the JDBC store
     * @return the probe
     */
    static StoreProbe jdbc(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return () -> {
            try {
                return JdbcSchema.exists(dataSource) ? StoreStatus.REACHABLE : StoreStatus.TABLES_MISSING;
            } catch (StoreUnavailableException e) {
                return StoreStatus.UNREACHABLE;
            }
        };
    }

    /** Returns a probe for a store that has nothing to reach, such as the in-memory store. */
    static StoreProbe none() {
        return () -> StoreStatus.REACHABLE;
    }

    /**
     * Returns the probe that fits a store: the database probe for the JDBC store on the data
     * source, no probe otherwise (the delivery outcomes still report a failing store).
     *
     * @param store the store the processor writes to
     * @param dataSource the application's data source, if it has one
     * @return the probe
     */
    static StoreProbe of(EventStore store, @Nullable DataSource dataSource) {
        return store instanceof JdbcAppendingStore && dataSource != null ? jdbc(dataSource) : none();
    }
}
