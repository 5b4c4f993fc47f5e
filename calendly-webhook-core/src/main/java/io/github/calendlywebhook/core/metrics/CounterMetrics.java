package io.github.calendlywebhook.core.metrics;

import io.github.calendlywebhook.core.store.RevenueSettingsStore;
import io.github.calendlywebhook.core.store.RevenueSettings;
import io.github.calendlywebhook.core.store.RecentBooking;
import io.github.calendlywebhook.core.store.DateRange;
import io.github.calendlywebhook.core.store.ProjectingEventStore;
import io.github.calendlywebhook.core.store.BucketCounters;
import io.github.calendlywebhook.core.store.Counters;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** {@link DashboardMetrics} over a store's counters: sums buckets, prices active bookings at read time. */
final class CounterMetrics implements DashboardMetrics {

    static final int MAX_SERIES_DAYS = 3660;

    private final ProjectingEventStore source;
    private final RevenueSettingsStore settings;
    private final Clock clock;

    CounterMetrics(ProjectingEventStore source, RevenueSettingsStore settings, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public MetricsSummary summary(Period period, boolean includeTest) {
        RevenueSettings values = settings.load();
        LocalDate today = today();
        DateRange range = period.range(today);
        DateRange previousRange = period.previousRange(today);
        PeriodNumbers current = numbers(byType(range, includeTest), values);
        PeriodNumbers previous = previousRange == null ? null : numbers(byType(previousRange, includeTest), values);
        return new MetricsSummary(period, range, values.currency(), current, previous, includeTest);
    }

    @Override
    public List<DailyPoint> daily(DateRange range, boolean includeTest) {
        long days = ChronoUnit.DAYS.between(range.from(), range.to()) + 1;
        if (days > MAX_SERIES_DAYS) {
            throw new IllegalArgumentException("a series covers at most " + MAX_SERIES_DAYS + " days, asked for " + days);
        }
        RevenueSettings values = settings.load();
        Map<LocalDate, Counters> counters = new TreeMap<>();
        Map<LocalDate, BigDecimal> revenue = new HashMap<>();
        for (BucketCounters bucket : source.daily(range, includeTest)) {
            counters.merge(bucket.day(), bucket.counters(), Counters::plus);
            revenue.merge(bucket.day(), revenueOf(bucket.eventTypeKey(), bucket.counters(), values), BigDecimal::add);
        }
        List<DailyPoint> points = new ArrayList<>((int) days);
        for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
            Counters c = counters.getOrDefault(day, Counters.ZERO);
            points.add(new DailyPoint(day, c.newBookings(), c.cancellations(), c.reschedules(), c.noShows(), c.leads(),
                    c.activeBookings(), rounded(revenue.getOrDefault(day, BigDecimal.ZERO), values)));
        }
        return points;
    }

    @Override
    public List<EventTypeBreakdown> breakdown(Period period, boolean includeTest) {
        RevenueSettings values = settings.load();
        Map<String, String> names = source.eventTypeNames();
        List<EventTypeBreakdown> result = new ArrayList<>();
        byType(period.range(today()), includeTest).forEach((key, c) -> {
            if (!ProjectingEventStore.LEADS_KEY.equals(key) && !c.isZero()) {
                result.add(new EventTypeBreakdown(key, names.get(key), c.activeBookings(), c.newBookings(),
                        c.cancellations(), c.reschedules(), c.noShows(), rounded(revenueOf(key, c, values), values),
                        values.valueFor(key)));
            }
        });
        result.sort(Comparator.comparingLong(EventTypeBreakdown::bookedAppointments).reversed()
                .thenComparing(EventTypeBreakdown::eventTypeKey));
        return result;
    }

    @Override
    public List<RecentBooking> recentBookings(int limit, boolean includeTest) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return source.recentBookings(limit, includeTest);
    }

    @Override
    public ZoneId zone() {
        return source.zone();
    }

    @Override
    public LocalDate today() {
        return LocalDate.now(clock.withZone(source.zone()));
    }

    private Map<String, Counters> byType(@Nullable DateRange range, boolean includeTest) {
        if (range == null) {
            return source.totals(includeTest);
        }
        Map<String, Counters> byType = new HashMap<>();
        for (BucketCounters bucket : source.daily(range, includeTest)) {
            byType.merge(bucket.eventTypeKey(), bucket.counters(), Counters::plus);
        }
        return byType;
    }

    private static PeriodNumbers numbers(Map<String, Counters> byType, RevenueSettings values) {
        Counters sum = Counters.ZERO;
        BigDecimal revenue = BigDecimal.ZERO;
        for (Map.Entry<String, Counters> entry : byType.entrySet()) {
            sum = sum.plus(entry.getValue());
            revenue = revenue.add(revenueOf(entry.getKey(), entry.getValue(), values));
        }
        return PeriodNumbers.of(sum, rounded(revenue, values));
    }

    private static BigDecimal revenueOf(String eventTypeKey, Counters counters, RevenueSettings values) {
        return counters.revenue(values.valueFor(eventTypeKey));
    }

    /** Rounds a sum to the currency's minor unit, so equal amounts compare equal whatever their scale. */
    static BigDecimal rounded(BigDecimal amount, RevenueSettings values) {
        int digits = values.currency().getDefaultFractionDigits();
        return amount.setScale(digits < 0 ? 4 : digits, RoundingMode.HALF_UP);
    }
}
