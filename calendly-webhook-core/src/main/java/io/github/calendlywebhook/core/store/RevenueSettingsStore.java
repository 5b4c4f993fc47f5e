package io.github.calendlywebhook.core.store;

import java.util.Objects;

/**
 * Where the {@link RevenueSettings} live, so that an admin panel can change them. Revenue is computed
 * from maintained counters at read time, so a saved change shows in the next read.
 */
public interface RevenueSettingsStore {

    /** Returns the current settings. */
    RevenueSettings load();

    /**
     * Replaces the settings.
     *
     * @param settings the new settings
     */
    void save(RevenueSettings settings);

    /**
     * Returns a store that keeps the settings in memory.
     *
     * @param initial the settings until the first save
     * @return the store
     */
    static RevenueSettingsStore inMemory(RevenueSettings initial) {
        Objects.requireNonNull(initial, "initial");
        return new RevenueSettingsStore() {
            private volatile RevenueSettings current = initial;

            @Override
            public RevenueSettings load() {
                return current;
            }

            @Override
            public void save(RevenueSettings settings) {
                current = Objects.requireNonNull(settings, "settings");
            }
        };
    }
}
