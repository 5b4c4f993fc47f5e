package io.github.calendlywebhook.core.store;

import java.util.Objects;
import javax.sql.DataSource;

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
     * Returns a store in the {@code calendly_revenue_default} and {@code calendly_event_type_value} tables,
     * so an admin panel's changes survive restarts and every instance sharing the database sees them on
     * its next read.
     *
     * @param dataSource an H2 or PostgreSQL data source whose tables exist
     * @param defaults the settings returned until the first save
     * @return the store
     */
    static RevenueSettingsStore jdbc(DataSource dataSource, RevenueSettings defaults) {
        return JdbcRevenueSettingsStore.create(dataSource, defaults);
    }

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
