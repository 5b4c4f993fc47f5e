package io.github.calendlywebhook.dashboard.settings;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The settings the numbers are computed with.
 *
 * @param valuePerBooking the value of an unpaid booking whose event type has no value of its own
 * @param valuePerEventType values of unpaid bookings by event type key
 * @param currency the ISO 4217 currency code of every amount
 * @param zone the time zone whose days make up the periods
 * @param includeTestEvents whether test deliveries count in the numbers
 */
public record DashboardSettings(BigDecimal valuePerBooking, Map<String, BigDecimal> valuePerEventType, String currency,
        ZoneId zone, boolean includeTestEvents) {

    public DashboardSettings {
        Objects.requireNonNull(valuePerBooking, "valuePerBooking");
        Objects.requireNonNull(zone, "zone");
        valuePerEventType = Map.copyOf(valuePerEventType);
        currency = normalizeCurrency(currency);
        if (valuePerBooking.signum() < 0 || valuePerEventType.values().stream().anyMatch(v -> v.signum() < 0)) {
            throw new IllegalArgumentException("booking values must not be negative");
        }
    }

    /**
     * Returns the value of one unpaid booking of an event type.
     *
     * @param eventTypeKey the event type key
     * @return its own value, else the default value
     */
    public BigDecimal valueOf(String eventTypeKey) {
        return valuePerEventType.getOrDefault(eventTypeKey, valuePerBooking);
    }

    /**
     * Returns an upper-case, valid ISO 4217 code.
     *
     * @param code a currency code in any case
     * @return the normalized code
     * @throws IllegalArgumentException when it is not a currency code
     */
    public static String normalizeCurrency(String code) {
        String upper = code.trim().toUpperCase(Locale.ROOT);
        Currency.getInstance(upper);
        return upper;
    }
}
