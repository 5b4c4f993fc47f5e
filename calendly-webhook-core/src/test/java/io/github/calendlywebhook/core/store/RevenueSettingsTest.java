package io.github.calendlywebhook.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RevenueSettingsTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void valuesAnEventTypeWithItsOwnValue() {
        RevenueSettings settings = new RevenueSettings(BigDecimal.TEN, Map.of("strategy", new BigDecimal("250")), EUR);

        assertThat(settings.valueFor("strategy")).isEqualByComparingTo("250");
    }

    @Test
    void valuesOtherEventTypesWithTheDefault() {
        RevenueSettings settings = new RevenueSettings(BigDecimal.TEN, Map.of("strategy", new BigDecimal("250")), EUR);

        assertThat(settings.valueFor("intro")).isEqualByComparingTo("10");
    }

    @Test
    void rejectsANegativeValueNamingTheEventType() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RevenueSettings(BigDecimal.TEN, Map.of("strategy", new BigDecimal("-1")), EUR))
                .withMessageContaining("strategy");
    }

    @Test
    void rejectsANegativeDefaultValue() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RevenueSettings(new BigDecimal("-0.01"), Map.of(), EUR))
                .withMessageContaining("defaultValue");
    }
}
