package io.github.calendlywebhook.dashboard.read;

import io.github.calendlywebhook.core.metrics.DailyPoint;
import io.github.calendlywebhook.core.metrics.DashboardMetrics;
import io.github.calendlywebhook.core.store.DateRange;
import io.github.calendlywebhook.core.metrics.EventTypeBreakdown;
import io.github.calendlywebhook.core.metrics.MetricsSummary;
import io.github.calendlywebhook.core.metrics.PeriodNumbers;
import io.github.calendlywebhook.core.store.RecentBooking;
import io.github.calendlywebhook.dashboard.settings.SettingsRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/** Turns the core's dashboard metrics into the page's JSON, with the settings in force. */
@Service
public class MetricsService {

    private static final int RECENT_BOOKINGS = 10;

    private final DashboardMetrics metrics;
    private final SettingsRepository settings;
    private final Clock clock;

    MetricsService(DashboardMetrics metrics, SettingsRepository settings, Clock clock) {
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Returns the numbers of a period.
     *
     * @param period the period
     * @return the view
     */
    public MetricsView snapshot(ReportPeriod period) {
        boolean includeTest = settings.current().includeTestEvents();
        MetricsSummary summary = metrics.summary(period.period(), includeTest);
        DateRange range = summary.range();
        DateRange chart = period.chartRange(metrics.today());
        PeriodNumbers previous = summary.previous();
        return new MetricsView(period.code(), range == null ? null : range.from(), range == null ? null : range.to(),
                metrics.zone().getId(), clock.instant(), summary.bookedAppointments(), money(summary.revenue()),
                summary.currency().getCurrencyCode(), summary.bookingRate(), summary.bookingRateUnavailableReason(),
                summary.newBookings(), summary.cancellations(), summary.reschedules(), summary.noShows(),
                summary.leads(), previous == null ? null : previous(previous),
                metrics.daily(chart, includeTest).stream().map(MetricsService::day).toList(),
                metrics.breakdown(period.period(), includeTest).stream().map(MetricsService::eventType).toList(),
                bookings(metrics.recentBookings(RECENT_BOOKINGS, includeTest)), includeTest);
    }

    private static MetricsView.Previous previous(PeriodNumbers numbers) {
        return new MetricsView.Previous(numbers.bookedAppointments(), money(numbers.revenue()), numbers.bookingRate(),
                numbers.newBookings(), numbers.cancellations(), numbers.reschedules(), numbers.noShows(),
                numbers.leads());
    }

    private static MetricsView.Day day(DailyPoint point) {
        return new MetricsView.Day(point.date(), point.newBookings(), point.cancellations(), point.reschedules(),
                point.noShows(), point.leads(), money(point.revenue()));
    }

    private static MetricsView.EventType eventType(EventTypeBreakdown row) {
        return new MetricsView.EventType(row.eventTypeKey(), row.eventTypeName(), row.bookedAppointments(),
                row.newBookings(), row.cancellations(), row.reschedules(), row.noShows(), money(row.revenue()),
                money(row.valuePerBooking()));
    }

    private static List<MetricsView.Booking> bookings(List<RecentBooking> bookings) {
        return bookings.stream().map(b -> new MetricsView.Booking(b.name(),
                b.eventTypeName() == null ? b.eventTypeKey() : b.eventTypeName(), b.startTime(), b.bookedAt(),
                b.status().name().toLowerCase(Locale.ROOT), b.noShow(), b.test())).toList();
    }

    static String money(BigDecimal amount) {
        return amount.setScale(Math.max(2, Math.min(amount.scale(), 4)), RoundingMode.HALF_UP).toPlainString();
    }
}
