package io.github.calendlywebhook.core.metrics;

import io.github.calendlywebhook.core.store.DateRange;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    @Test
    void coversTheLastSevenDaysIncludingToday() {
        assertThat(Period.LAST_7_DAYS.range(TODAY)).isEqualTo(new DateRange(LocalDate.of(2026, 3, 9), TODAY));
    }

    @Test
    void comparesWithTheSevenDaysBefore() {
        assertThat(Period.LAST_7_DAYS.previousRange(TODAY))
                .isEqualTo(new DateRange(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8)));
    }

    @Test
    void comparesTodayWithYesterday() {
        assertThat(Period.TODAY.previousRange(TODAY)).isEqualTo(new DateRange(TODAY.minusDays(1), TODAY.minusDays(1)));
    }

    @Test
    void hasNoRangeAndNoPreviousPeriodForAllTime() {
        assertThat(Period.ALL_TIME.range(TODAY)).isNull();
        assertThat(Period.ALL_TIME.previousRange(TODAY)).isNull();
    }
}
