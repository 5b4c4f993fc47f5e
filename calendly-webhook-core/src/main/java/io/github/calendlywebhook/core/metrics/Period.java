package io.github.calendlywebhook.core.metrics;

import io.github.calendlywebhook.core.store.DateRange;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A reporting period of the dashboard, in whole days of the configured time zone. */
public enum Period {
    /** The current day. */
    TODAY(1),
    /** The current day and the six days before it. */
    LAST_7_DAYS(7),
    /** The current day and the 29 days before it. */
    LAST_30_DAYS(30),
    /** Everything ever recorded. */
    ALL_TIME(0);

    private final int days;

    Period(int days) {
        this.days = days;
    }

    /**
     * Returns the days this period covers, or {@code null} for {@link #ALL_TIME}.
     *
     * @param today the current day in the configured time zone
     * @return the range, inclusive at both ends
     */
    public @Nullable DateRange range(LocalDate today) {
        return days == 0 ? null : new DateRange(today.minusDays(days - 1L), today);
    }

    /**
     * Returns the period of the same length just before this one, or {@code null} for {@link #ALL_TIME}.
     *
     * @param today the current day in the configured time zone
     * @return the previous range, inclusive at both ends
     */
    public @Nullable DateRange previousRange(LocalDate today) {
        return days == 0 ? null : new DateRange(today.minusDays(2L * days - 1L), today.minusDays(days));
    }
}
