package io.github.calendlywebhook.dashboard;

import io.github.calendlywebhook.core.store.CounterSource;
import io.github.calendlywebhook.core.store.LeadRecorder;
import io.github.calendlywebhook.core.store.EventStore;

/**
 * The read sides of the event store the dashboard needs, taken from the store the webhook processor
 * writes to.
 *
 * @param counters the maintained counters
 * @param leads where leads are recorded
 */
public record StoreViews(CounterSource counters, LeadRecorder leads) {

    /**
     * Returns the views of a store.
     *
     * @param store the event store
     * @return the views
     * @throws IllegalStateException when the store maintains no counters or records no leads
     */
    public static StoreViews of(EventStore store) {
        if (!(store instanceof CounterSource) || !(store instanceof LeadRecorder)) {
            throw new IllegalStateException("The dashboard needs an event store that maintains the dashboard"
                    + " counters and records leads; " + store.getClass().getName() + " does not");
        }
        return new StoreViews((CounterSource) store, (LeadRecorder) store);
    }
}
