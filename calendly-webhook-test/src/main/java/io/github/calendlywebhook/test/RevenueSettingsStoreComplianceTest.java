package io.github.calendlywebhook.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.github.calendlywebhook.core.store.RevenueSettings;
import io.github.calendlywebhook.core.store.RevenueSettingsStore;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link RevenueSettingsStore} must have: the defaults until the first save, then
 * exactly what was saved last (default value, every event type value, currency), also as another
 * instance on the same storage sees it. Subclasses supply a fresh store on empty storage.
 *
 * <p>Amounts are compared by value, so a store may return {@code 150.00} for a saved {@code 150}.
 */
public abstract class RevenueSettingsStoreComplianceTest {

    private static final String TYPE_A = "https://api.calendly.com/event_types/A";
    private static final String TYPE_B = "https://api.calendly.com/event_types/B";

    /**
     * Returns a new store on empty storage.
     *
     * @param defaults the settings it returns until the first save
     * @return the store
     */
    protected abstract RevenueSettingsStore newStore(RevenueSettings defaults);

    /**
     * Returns another instance on the same storage as {@code store}, as a restart or a second
     * application instance would open it. By default the store itself, for stores that live in memory.
     *
     * @param store a store made by {@link #newStore(RevenueSettings)}
     * @param defaults the settings the new instance returns until a first save
     * @return the other instance
     */
    protected RevenueSettingsStore reopen(RevenueSettingsStore store, RevenueSettings defaults) {
        return store;
    }

    @Test
    void returnsTheDefaultsUntilTheFirstSave() {
        RevenueSettings defaults = new RevenueSettings(new BigDecimal("80.00"), Map.of(TYPE_A, new BigDecimal("20.00")),
                Currency.getInstance("GBP"));

        RevenueSettingsStore store = newStore(defaults);

        assertSameSettings(store.load(), defaults);
    }

    @Test
    void readsBackWhatWasSaved() {
        RevenueSettingsStore store = newStore(RevenueSettings.ofDefaults());
        RevenueSettings saved = new RevenueSettings(new BigDecimal("150.00"), Map.of(TYPE_A, new BigDecimal("99.95")),
                Currency.getInstance("EUR"));

        store.save(saved);

        assertSameSettings(store.load(), saved);
        assertSameSettings(reopen(store, RevenueSettings.ofDefaults()).load(), saved);
    }

    @Test
    void replacesEveryPreviousEventTypeValueOnSave() {
        RevenueSettingsStore store = newStore(RevenueSettings.ofDefaults());
        store.save(new RevenueSettings(BigDecimal.TEN, Map.of(TYPE_A, BigDecimal.ONE), Currency.getInstance("USD")));

        store.save(new RevenueSettings(BigDecimal.TEN, Map.of(TYPE_B, BigDecimal.ONE), Currency.getInstance("USD")));

        assertThat(store.load().valuePerEventType()).containsOnlyKeys(TYPE_B);
    }

    @Test
    void keepsNoEventTypeValuesWhenTheLastSaveHadNone() {
        RevenueSettingsStore store = newStore(RevenueSettings.ofDefaults());
        store.save(new RevenueSettings(BigDecimal.TEN, Map.of(TYPE_A, BigDecimal.ONE), Currency.getInstance("USD")));

        store.save(new RevenueSettings(BigDecimal.ONE, Map.of(), Currency.getInstance("USD")));

        assertThat(reopen(store, RevenueSettings.ofDefaults()).load().valuePerEventType()).isEmpty();
    }

    @Test
    void keepsTheCurrencyAndExactDecimalsOfTheLastSave() {
        RevenueSettingsStore store = newStore(RevenueSettings.ofDefaults());
        store.save(new RevenueSettings(new BigDecimal("12.34"), Map.of(), Currency.getInstance("EUR")));

        store.save(new RevenueSettings(new BigDecimal("0.01"), Map.of(TYPE_A, new BigDecimal("1234567.89")),
                Currency.getInstance("CHF")));

        RevenueSettings loaded = reopen(store, RevenueSettings.ofDefaults()).load();
        assertThat(loaded.currency()).isEqualTo(Currency.getInstance("CHF"));
        assertThat(loaded.defaultValue()).isEqualByComparingTo("0.01");
        assertThat(loaded.valueFor(TYPE_A)).isEqualByComparingTo("1234567.89");
    }

    @Test
    void returnsTheSavedSettingsRatherThanTheDefaultsOfAnotherInstance() {
        RevenueSettingsStore store = newStore(RevenueSettings.ofDefaults());
        RevenueSettings saved = new RevenueSettings(new BigDecimal("5.00"), Map.of(), Currency.getInstance("USD"));
        store.save(saved);

        RevenueSettingsStore other = reopen(store, new RevenueSettings(new BigDecimal("999.00"), Map.of(),
                Currency.getInstance("JPY")));

        assertSameSettings(other.load(), saved);
    }

    @Test
    void refusesToSaveNothing() {
        RevenueSettingsStore store = newStore(RevenueSettings.ofDefaults());

        assertThatNullPointerException().isThrownBy(() -> store.save(nullSettings()));
    }

    @SuppressWarnings("NullAway")
    private static RevenueSettings nullSettings() {
        return null;
    }

    private static void assertSameSettings(RevenueSettings actual, RevenueSettings expected) {
        assertThat(actual.currency()).isEqualTo(expected.currency());
        assertThat(actual.defaultValue()).isEqualByComparingTo(expected.defaultValue());
        assertThat(actual.valuePerEventType()).containsOnlyKeys(expected.valuePerEventType().keySet());
        expected.valuePerEventType().forEach((key, value) ->
                assertThat(actual.valuePerEventType().get(key)).as(key).isEqualByComparingTo(value));
    }
}
