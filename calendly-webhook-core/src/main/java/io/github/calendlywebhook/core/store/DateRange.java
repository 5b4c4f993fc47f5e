package io.github.calendlywebhook.core.store;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A range of days, inclusive at both ends.
 *
 * @param from the first day
 * @param to the last day, not before {@code from}
 */
public record DateRange(LocalDate from, LocalDate to) {

    public DateRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("range ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /**
     * Returns whether the day lies in this range.
     *
     * @param day the day
     * @return {@code true} when {@code from <= day <= to}
     */
    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
