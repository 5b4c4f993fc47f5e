package io.github.calendlywebhook.core.store;

/**
 * Durable, idempotent storage of webhook events. This is the SPI the processor writes through; an
 * implementation also maintains whatever projections it offers (the dashboard counters) in the same
 * atomic step, so a 2xx is only ever sent for an event that is fully applied.
 */
@FunctionalInterface
public interface EventStore {

    /**
     * Stores the event unless an event with the same key is already stored. Safe to call concurrently
     * with the same key: exactly one call returns {@link AppendResult#STORED}.
     *
     * @param event the event
     * @return {@link AppendResult#STORED} when new and now durable, {@link AppendResult#DUPLICATE} otherwise
     * @throws StoreUnavailableException when durability cannot be guaranteed
     */
    AppendResult append(StoredEvent event);
}
