package io.github.calendlywebhook.dashboard.settings;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules for settings typed into the admin panel or given through the environment. Amounts are plain
 * decimals checked as text before any number is built (so {@code 1e999999999} is refused at once): at most
 * {@value #MAX_INTEGER_DIGITS} integer digits, so at most 999 999 999 plus cents, and no more decimals than
 * the currency's minor unit (2 for USD and EUR, 0 for JPY, 3 for KWD). Currencies are ISO 4217 codes known
 * to {@link Currency}; time zones are {@link ZoneId}s.
 */
public final class SettingsInput {

    /** The most integer digits an amount may have. */
    public static final int MAX_INTEGER_DIGITS = 9;
    /** The most event types with a value of their own in one save. */
    public static final int MAX_EVENT_TYPES = 500;
    /** The longest event type key stored. */
    public static final int MAX_KEY_LENGTH = 1024;

    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1," + MAX_INTEGER_DIGITS + "}(\\.[0-9]{1,4})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");

    private SettingsInput() {
    }

    /**
     * Parses an amount of a currency.
     *
     * @param text the amount as typed, such as {@code 150} or {@code 99.50}
     * @param currency a valid ISO 4217 code
     * @return the amount
     * @throws IllegalArgumentException with a message for the form when the text is not such an amount
     */
    public static BigDecimal amount(String text, String currency) {
        String trimmed = text.trim();
        if (!AMOUNT.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("an amount is a plain number such as 150 or 99.50, not negative, at most"
                    + " 999999999");
        }
        BigDecimal value = new BigDecimal(trimmed);
        checkMinorUnits(value, currency);
        return value;
    }

    /**
     * Checks an amount built elsewhere (from the environment) against the same rules.
     *
     * @param value the amount
     * @param currency a valid ISO 4217 code
     * @param name the setting's name, for the message
     * @throws IllegalArgumentException naming the setting when the amount breaks a rule
     */
    public static void check(BigDecimal value, String currency, String name) {
        if (value.signum() < 0 || value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException(name + " must be between 0 and 999999999");
        }
        try {
            checkMinorUnits(value, currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns the upper-case ISO 4217 code.
     *
     * @param text the code as typed
     * @return the code
     * @throws IllegalArgumentException when it is not an ISO 4217 code
     */
    public static String currency(String text) {
        String trimmed = text.trim();
        if (!CURRENCY.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("the currency is a three-letter ISO 4217 code such as USD or EUR");
        }
        String upper = trimmed.toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(upper);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the currency is a three-letter ISO 4217 code such as USD or EUR", e);
        }
        return upper;
    }

    /**
     * Returns the time zone.
     *
     * @param text the zone as typed, such as {@code Europe/Berlin}
     * @return the zone
     * @throws IllegalArgumentException when it is not a time zone
     */
    public static ZoneId zone(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty() || trimmed.length() > 64) {
            throw new IllegalArgumentException("the time zone is a name such as Europe/Berlin or UTC");
        }
        try {
            return ZoneId.of(trimmed);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("the time zone is a name such as Europe/Berlin or UTC", e);
        }
    }

    private static void checkMinorUnits(BigDecimal value, String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        int allowed = digits < 0 ? 2 : digits;
        if (value.stripTrailingZeros().scale() > allowed) {
            throw new IllegalArgumentException(currency + " amounts have at most " + allowed + " decimals");
        }
    }
}
