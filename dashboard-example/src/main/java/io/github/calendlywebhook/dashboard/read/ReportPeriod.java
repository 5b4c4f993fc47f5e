package io.github.calendlywebhook.dashboard.read;

import io.github.calendlywebhook.core.store.DateRange;
import io.github.calendlywebhook.core.metrics.Period;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/** The periods of the page's selector, by the codes the read API accepts. */
public enum ReportPeriod {
    /** The current day. */
    TODAY("today", Period.TODAY, 7),
    /** The last 7 days, today included. */
    LAST_7_DAYS("7d", Period.LAST_7_DAYS, 7),
    /** The last 30 days, today included. */
    LAST_30_DAYS("30d", Period.LAST_30_DAYS, 30),
    /** Everything ever recorded. */
    ALL_TIME("all", Period.ALL_TIME, 90);

    private final String code;
    private final Period period;
    private final int chartDays;

    ReportPeriod(String code, Period period, int chartDays) {
        this.code = code;
        this.period = period;
        this.chartDays = chartDays;
    }

    /** Returns the code used in the API, for example {@code 7d}. */
    public String code() {
        return code;
    }

    /** Returns the core period. */
    public Period period() {
        return period;
    }

    /**
     * Returns the days the daily chart covers: the period itself, at least a week, the last 90 days for
     * all time.
     *
     * @param today the current day
     * @return the range
     */
    public DateRange chartRange(LocalDate today) {
        return new DateRange(today.minusDays(chartDays - 1L), today);
    }

    /**
     * Returns the period with a code.
     *
     * @param code a code such as {@code today}, {@code 7d}, {@code 30d} or {@code all}
     * @return the period, or empty when the code is unknown
     */
    public static Optional<ReportPeriod> fromCode(String code) {
        String lower = code.trim().toLowerCase(Locale.ROOT);
        for (ReportPeriod value : values()) {
            if (value.code.equals(lower)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
