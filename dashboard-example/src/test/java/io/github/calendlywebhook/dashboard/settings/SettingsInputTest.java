package io.github.calendlywebhook.dashboard.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules for amounts, currencies and time zones typed into the settings form. */
class SettingsInputTest {

    @Test
    void plainAmountsWithTheCurrencysMinorUnitsAreAccepted() {
        assertThat(SettingsInput.amount(" 99.50 ", "USD")).isEqualByComparingTo("99.5");
        assertThat(SettingsInput.amount("999999999.99", "EUR")).isEqualByComparingTo("999999999.99");
        assertThat(SettingsInput.amount("1500", "JPY")).isEqualByComparingTo("1500");
        assertThat(SettingsInput.amount("1.125", "KWD")).isEqualByComparingTo("1.125");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "1E5", "-1", "1000000000", "12.345", "", " ", "1,5", "0x10", "NaN",
            "Infinity", "+5", "1.", ".5", "١٢"})
    void anythingElseIsRefusedForUsd(String typed) {
        assertThatIllegalArgumentException().isThrownBy(() -> SettingsInput.amount(typed, "USD"));
    }

    @Test
    void aHugeExponentIsRefusedFromTheTextWithoutBuildingANumber() {
        String hostile = "1e999999999";

        assertThatIllegalArgumentException().isThrownBy(() -> SettingsInput.amount(hostile, "USD"))
                .withMessageContaining("plain number");
    }

    @Test
    void decimalsBeyondTheCurrencysMinorUnitsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> SettingsInput.amount("1.5", "JPY"))
                .withMessageContaining("JPY amounts have at most 0 decimals");
    }

    @Test
    void currenciesMustBeIso4217Codes() {
        assertThat(SettingsInput.currency(" eur ")).isEqualTo("EUR");
        for (String typed : new String[] {"XYZ", "EURO", "E", "€", "US$", "usd;drop"}) {
            assertThatIllegalArgumentException().as(typed).isThrownBy(() -> SettingsInput.currency(typed));
        }
    }

    @Test
    void timeZonesMustBeZoneIds() {
        assertThat(SettingsInput.zone("Europe/Berlin")).isEqualTo(ZoneId.of("Europe/Berlin"));
        for (String typed : new String[] {"Mars/Olympus", "", "x".repeat(100), "../../etc/passwd"}) {
            assertThatIllegalArgumentException().as(typed).isThrownBy(() -> SettingsInput.zone(typed));
        }
    }

    @Test
    void anAmountFromTheEnvironmentIsCheckedByTheSameRulesAndNamed() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SettingsInput.check(new BigDecimal("1e999999999"), "USD", "dashboard.value-per-booking"))
                .withMessageContaining("dashboard.value-per-booking");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SettingsInput.check(new BigDecimal("1.001"), "USD", "dashboard.value-per-booking"))
                .withMessageContaining("at most 2 decimals");
    }
}
