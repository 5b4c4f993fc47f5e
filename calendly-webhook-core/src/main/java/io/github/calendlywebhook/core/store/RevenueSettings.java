package io.github.calendlywebhook.core.store;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;

/**
 * What a booking without a successful payment is worth ("Revenue Autopilot"): a value per event type,
 * else a default value per booking, in one currency. Exact decimals, never negative.
 *
 * @param defaultValue the value of a booking whose event type has no value of its own
 * @param valuePerEventType values by event type key
 * @param currency the currency of every value and of the reported revenue
 */
public record RevenueSettings(BigDecimal defaultValue, Map<String, BigDecimal> valuePerEventType, Currency currency) {

    public RevenueSettings {
        requireNonNegative("defaultValue", defaultValue);
        Objects.requireNonNull(currency, "currency");
        valuePerEventType = Map.copyOf(valuePerEventType);
        valuePerEventType.forEach((key, value) -> {
            if (key.isBlank()) {
                throw new IllegalArgumentException("event type key must not be blank");
            }
            requireNonNegative("value of event type " + key, value);
        });
    }

    /** Returns settings with a default value of zero in US dollars and no per-type values. */
    public static RevenueSettings ofDefaults() {
        return new RevenueSettings(BigDecimal.ZERO, Map.of(), Currency.getInstance("USD"));
    }

    /**
     * Returns the value of an unpaid booking of the event type.
     *
     * @param eventTypeKey the event type key
     * @return its configured value, else the default value
     */
    public BigDecimal valueFor(String eventTypeKey) {
        return valuePerEventType.getOrDefault(eventTypeKey, defaultValue);
    }

    private static void requireNonNegative(String name, BigDecimal value) {
        Objects.requireNonNull(value, name);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value.toPlainString());
        }
    }
}
