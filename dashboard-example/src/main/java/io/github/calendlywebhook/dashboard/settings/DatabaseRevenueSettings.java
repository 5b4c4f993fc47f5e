package io.github.calendlywebhook.dashboard.settings;

import io.github.calendlywebhook.core.store.RevenueSettings;
import io.github.calendlywebhook.core.store.RevenueSettingsStore;
import java.util.Currency;

/** The core's revenue settings, read from and written to the dashboard's settings tables. */
public final class DatabaseRevenueSettings implements RevenueSettingsStore {

    private final SettingsRepository repository;

    /**
     * Creates the adapter.
     *
     * @param repository the settings tables
     */
    public DatabaseRevenueSettings(SettingsRepository repository) {
        this.repository = repository;
    }

    @Override
    public RevenueSettings load() {
        DashboardSettings current = repository.current();
        return new RevenueSettings(current.valuePerBooking(), current.valuePerEventType(),
                Currency.getInstance(current.currency()));
    }

    @Override
    public void save(RevenueSettings settings) {
        DashboardSettings current = repository.current();
        repository.save(new DashboardSettings(settings.defaultValue(), settings.valuePerEventType(),
                settings.currency().getCurrencyCode(), current.zone(), current.includeTestEvents()));
    }
}
