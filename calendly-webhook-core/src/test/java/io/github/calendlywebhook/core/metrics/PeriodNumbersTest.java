package io.github.calendlywebhook.core.metrics;

import io.github.calendlywebhook.core.store.Counters;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PeriodNumbersTest {

    @Test
    void roundsTheBookingRateToFourDecimals() {
        Counters counters = new Counters(1, 0, 0, 0, 3, 0, 0, BigDecimal.ZERO);

        assertThat(PeriodNumbers.of(counters, BigDecimal.ZERO).bookingRate()).isEqualByComparingTo("0.3333");
    }

    @Test
    void allowsABookingRateAboveOneWhenBookingsOutnumberLeads() {
        Counters counters = new Counters(3, 0, 0, 0, 2, 0, 0, BigDecimal.ZERO);

        assertThat(PeriodNumbers.of(counters, BigDecimal.ZERO).bookingRate()).isEqualByComparingTo("1.5");
    }
}
