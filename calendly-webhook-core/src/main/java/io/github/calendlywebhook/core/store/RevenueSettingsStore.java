package io.github.calendlywebhook.core.store;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

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
        AtomicReference<RevenueSettings> current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
        return new RevenueSettingsStore() {
            @Override
            public RevenueSettings load() {
                return current.get();
            }

            @Override
            public void save(RevenueSettings settings) {
                current.set(Objects.requireNonNull(settings, "settings"));
            }
        };
    }
}
