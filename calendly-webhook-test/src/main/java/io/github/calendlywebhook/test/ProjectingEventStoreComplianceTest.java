package io.github.calendlywebhook.test;

import static io.github.calendlywebhook.test.EventFixtures.canceled;
import static io.github.calendlywebhook.test.EventFixtures.created;
import static io.github.calendlywebhook.test.EventFixtures.eventTypeKey;
import static io.github.calendlywebhook.test.EventFixtures.noShowCreated;
import static io.github.calendlywebhook.test.EventFixtures.noShowDeleted;
import static io.github.calendlywebhook.test.EventFixtures.paidCreated;
import static io.github.calendlywebhook.test.EventFixtures.rescheduledCancel;
import static io.github.calendlywebhook.test.EventFixtures.rescheduledCreate;
import static io.github.calendlywebhook.test.EventFixtures.routingFormSubmission;
import static io.github.calendlywebhook.test.EventFixtures.stored;
import static io.github.calendlywebhook.test.EventFixtures.testCreated;
import static io.github.calendlywebhook.test.EventFixtures.uri;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.event.CalendlyEventParser;
import io.github.calendlywebhook.core.store.BookingStatus;
import io.github.calendlywebhook.core.metrics.DailyPoint;
import io.github.calendlywebhook.core.metrics.DashboardMetrics;
import io.github.calendlywebhook.core.store.DateRange;
import io.github.calendlywebhook.core.metrics.EventTypeBreakdown;
import io.github.calendlywebhook.core.metrics.MetricsSummary;
import io.github.calendlywebhook.core.metrics.Period;
import io.github.calendlywebhook.core.metrics.PeriodNumbers;
import io.github.calendlywebhook.core.store.RecentBooking;
import io.github.calendlywebhook.core.store.RevenueSettings;
import io.github.calendlywebhook.core.store.RevenueSettingsStore;
import io.github.calendlywebhook.core.store.AppendResult;
import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.ProjectingEventStore;
import io.github.calendlywebhook.core.store.StoredEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ProjectingEventStore} must have on top of {@link EventStoreComplianceTest}:
 * an order-independent projection and the dashboard numbers as defined, checked on small hand-computed
 * scenarios and on a concurrent shuffled load against an independent reference model. Subclasses supply
 * a fresh store.
 */
public abstract class ProjectingEventStoreComplianceTest extends EventStoreComplianceTest {

    private final RevenueSettingsStore settings = RevenueSettingsStore.inMemory(
            new RevenueSettings(new BigDecimal("100"), Map.of(), Currency.getInstance("EUR")));

    /**
     * Returns a new, empty store.
     *
     * @param zone the time zone whose days it counts in
     * @return the store
     */
    protected abstract ProjectingEventStore newStore(ZoneId zone);

    /** Returns a new, empty store counting UTC days. */
    protected ProjectingEventStore newStore() {
        return newStore(ZoneOffset.UTC);
    }

    @Override
    protected final EventStore newEventStore() {
        return newStore();
    }

    /** Returns the metrics of a store, with a default value of 100 EUR per booking. */
    protected DashboardMetrics metrics(ProjectingEventStore store) {
        return DashboardMetrics.create(store, settings, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Appends events in order and returns the store. */
    protected static ProjectingEventStore append(ProjectingEventStore store, CalendlyEvent... events) {
        for (CalendlyEvent event : events) {
            store.append(stored(event));
        }
        return store;
    }

    private static Instant hoursAgo(long hours) {
        return NOW.minus(Duration.ofHours(hours));
    }

    @Test
    void countsARedeliveredEventOnce() {
        ProjectingEventStore store = newStore();
        StoredEvent delivery = stored(created("a", "intro", hoursAgo(1)));

        store.append(delivery);
        store.append(delivery);

        assertThat(metrics(store).summary(Period.TODAY).newBookings()).isEqualTo(1);
    }

    @Test
    void handlesIdentifiersLongerThanAnyKeyColumn() {
        ProjectingEventStore store = newStore();
        String longName = "x".repeat(1500);
        String longType = "t".repeat(1200);
        append(store, created(longName, longType, hoursAgo(2)), canceled(longName, longType, hoursAgo(1)),
                created(longName + "y", longType, hoursAgo(1)));

        AppendResult again = store.append(stored(created(longName, longType, hoursAgo(2))));
        boolean lead = store.recordLead("l".repeat(1500), hoursAgo(1), false);

        assertThat(again).isEqualTo(AppendResult.DUPLICATE);
        assertThat(lead).isTrue();
        assertThat(metrics(store).summary(Period.TODAY).current()).extracting(PeriodNumbers::bookedAppointments,
                PeriodNumbers::newBookings, PeriodNumbers::cancellations, PeriodNumbers::leads)
                .containsExactly(1L, 2L, 1L, 1L);
    }

    @Test
    void countsANewBookingAsBookedAppointmentWorthTheDefaultValue() {
        ProjectingEventStore store = append(newStore(), created("a", "intro", hoursAgo(1)));

        MetricsSummary today = metrics(store).summary(Period.TODAY);

        assertThat(today.bookedAppointments()).isEqualTo(1);
        assertThat(today.newBookings()).isEqualTo(1);
        assertThat(today.revenue()).isEqualByComparingTo("100");
        assertThat(today.currency()).isEqualTo(Currency.getInstance("EUR"));
    }

    @Test
    void endsCanceledWhenTheCancelArrivesBeforeTheCreate() {
        ProjectingEventStore inOrder = append(newStore(), created("a", "intro", hoursAgo(2)),
                canceled("a", "intro", hoursAgo(1)));
        ProjectingEventStore reversed = append(newStore(), canceled("a", "intro", hoursAgo(1)),
                created("a", "intro", hoursAgo(2)));

        MetricsSummary expected = metrics(inOrder).summary(Period.TODAY);
        MetricsSummary actual = metrics(reversed).summary(Period.TODAY);

        assertThat(actual).isEqualTo(expected);
        assertThat(actual.bookedAppointments()).isZero();
        assertThat(actual.cancellations()).isEqualTo(1);
        assertThat(actual.revenue()).isEqualByComparingTo("0");
    }

    @Test
    void keepsBookedAppointmentsUnchangedByAReschedulePairInEitherOrder() {
        CalendlyEvent original = created("a", "intro", hoursAgo(5));
        CalendlyEvent leave = rescheduledCancel("a", "b", "intro", hoursAgo(1));
        CalendlyEvent replace = rescheduledCreate("b", "a", "intro", hoursAgo(1));
        ProjectingEventStore cancelFirst = append(newStore(), original, leave, replace);
        ProjectingEventStore createFirst = append(newStore(), replace, original, leave);

        MetricsSummary one = metrics(cancelFirst).summary(Period.TODAY);
        MetricsSummary other = metrics(createFirst).summary(Period.TODAY);

        assertThat(one).isEqualTo(other);
        assertThat(one.bookedAppointments()).isEqualTo(1);
        assertThat(one.newBookings()).isEqualTo(1);
        assertThat(one.reschedules()).isEqualTo(1);
        assertThat(one.cancellations()).isZero();
    }

    @Test
    void valuesASuccessfullyPaidBookingAtItsPaidAmount() {
        ProjectingEventStore store = append(newStore(), paidCreated("a", "intro", hoursAgo(1), "149.90", true),
                created("b", "intro", hoursAgo(1)));

        assertThat(metrics(store).summary(Period.TODAY).revenue()).isEqualByComparingTo("249.90");
    }

    @Test
    void valuesAFailedPaymentAtTheConfiguredValue() {
        ProjectingEventStore store = append(newStore(), paidCreated("a", "intro", hoursAgo(1), "149.90", false));

        assertThat(metrics(store).summary(Period.TODAY).revenue()).isEqualByComparingTo("100");
    }

    @Test
    void dropsThePaidAmountFromRevenueWhenThePaidBookingIsCanceled() {
        ProjectingEventStore store = append(newStore(), paidCreated("a", "intro", hoursAgo(3), "149.90", true),
                canceled("a", "intro", hoursAgo(1)));

        assertThat(metrics(store).summary(Period.ALL_TIME).revenue()).isEqualByComparingTo("0");
    }

    @Test
    void changesRevenueAsSoonAsTheValueSettingsChange() {
        ProjectingEventStore store = append(newStore(), created("a", "intro", hoursAgo(1)),
                created("b", "strategy", hoursAgo(1)), paidCreated("c", "strategy", hoursAgo(1), "10", true));
        DashboardMetrics metrics = metrics(store);
        BigDecimal before = metrics.summary(Period.TODAY).revenue();

        settings.save(new RevenueSettings(new BigDecimal("50"), Map.of(eventTypeKey("strategy"), new BigDecimal("300")),
                Currency.getInstance("EUR")));

        assertThat(before).isEqualByComparingTo("210");
        assertThat(metrics.summary(Period.TODAY).revenue()).isEqualByComparingTo("360");
    }

    @Test
    void countsNoShowMarkedThenRemovedAsZero() {
        ProjectingEventStore store = append(newStore(), created("a", "intro", hoursAgo(5)),
                noShowCreated("ns-1", "a", "intro", hoursAgo(2)), noShowDeleted("ns-1", "a", "intro", hoursAgo(1)));

        assertThat(metrics(store).summary(Period.TODAY).noShows()).isZero();
    }

    @Test
    void countsNoShowRemovedBeforeItsMarkArrivesAsZero() {
        ProjectingEventStore store = append(newStore(), noShowDeleted("ns-1", "a", "intro", hoursAgo(1)),
                noShowCreated("ns-1", "a", "intro", hoursAgo(2)), created("a", "intro", hoursAgo(5)));

        assertThat(metrics(store).summary(Period.TODAY).noShows()).isZero();
        assertThat(metrics(store).recentBookings(5, false)).singleElement()
                .extracting(RecentBooking::noShow).isEqualTo(false);
    }

    @Test
    void countsAStandingNoShowMark() {
        ProjectingEventStore store = append(newStore(), created("a", "intro", hoursAgo(5)),
                noShowCreated("ns-1", "a", "intro", hoursAgo(2)));

        assertThat(metrics(store).summary(Period.TODAY).noShows()).isEqualTo(1);
        assertThat(metrics(store).recentBookings(5, false)).singleElement()
                .extracting(RecentBooking::noShow).isEqualTo(true);
    }

    @Test
    void reportsTheBookingRateAsUnavailableWithAReasonWhenThereAreNoLeads() {
        ProjectingEventStore store = append(newStore(), created("a", "intro", hoursAgo(1)));

        MetricsSummary today = metrics(store).summary(Period.TODAY);

        assertThat(today.bookingRate()).isNull();
        assertThat(today.bookingRateUnavailableReason()).isEqualTo(PeriodNumbers.NO_LEADS_REASON);
    }

    @Test
    void dividesNewBookingsByRoutingFormAndRecordedLeads() {
        ProjectingEventStore store = append(newStore(), created("a", "intro", hoursAgo(1)),
                routingFormSubmission("form-1", hoursAgo(2)));
        store.recordLead("lead-1", hoursAgo(3), false);

        MetricsSummary today = metrics(store).summary(Period.TODAY);

        assertThat(today.leads()).isEqualTo(2);
        assertThat(today.bookingRate()).isEqualByComparingTo("0.5");
        assertThat(today.bookingRateUnavailableReason()).isNull();
    }

    @Test
    void recordsALeadOnlyOnceForTheSameId() {
        ProjectingEventStore store = newStore();

        boolean first = store.recordLead("lead-1", hoursAgo(1), false);
        boolean second = store.recordLead("lead-1", hoursAgo(1), false);

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(metrics(store).summary(Period.TODAY).leads()).isEqualTo(1);
    }

    @Test
    void attributesAnEventToTheDayOfTheConfiguredTimeZone() {
        ZoneId newYork = ZoneId.of("America/New_York");
        ProjectingEventStore store = append(newStore(newYork), created("a", "intro", Instant.parse("2026-03-15T03:00:00Z")));
        DashboardMetrics metrics = DashboardMetrics.create(store, settings, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(metrics.today()).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(metrics.summary(Period.TODAY).newBookings()).isZero();
        assertThat(metrics.daily(new DateRange(LocalDate.of(2026, 3, 14), LocalDate.of(2026, 3, 14)), false))
                .singleElement().extracting(DailyPoint::newBookings).isEqualTo(1L);
    }

    @Test
    void comparesAPeriodWithThePeriodBeforeIt() {
        ProjectingEventStore store = append(newStore(), created("a", "intro", NOW.minus(Duration.ofDays(8))),
                created("b", "intro", NOW.minus(Duration.ofDays(9))), created("c", "intro", hoursAgo(1)));

        MetricsSummary week = metrics(store).summary(Period.LAST_7_DAYS);

        assertThat(week.range()).isEqualTo(new DateRange(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 15)));
        assertThat(week.newBookings()).isEqualTo(1);
        assertThat(week.previous()).isNotNull();
        assertThat(week.previous().newBookings()).isEqualTo(2);
        assertThat(metrics(store).summary(Period.ALL_TIME).previous()).isNull();
    }

    @Test
    void leavesTestDeliveriesOutOfBusinessNumbersUnlessAskedToIncludeThem() {
        ProjectingEventStore store = append(newStore(), created("a", "intro", hoursAgo(1)),
                testCreated("t", "intro", hoursAgo(1)));
        store.append(stored(created("s", "intro", hoursAgo(1)), EventSource.TEST));

        DashboardMetrics metrics = metrics(store);

        assertThat(metrics.summary(Period.TODAY).bookedAppointments()).isEqualTo(1);
        assertThat(metrics.summary(Period.TODAY, true).bookedAppointments()).isEqualTo(3);
        assertThat(metrics.summary(Period.ALL_TIME).newBookings()).isEqualTo(1);
        assertThat(metrics.recentBookings(10, false)).hasSize(1);
        assertThat(metrics.recentBookings(10, true)).hasSize(3);
    }

    @Test
    void fillsDaysWithoutDataWithZerosInTheDailySeries() {
        ProjectingEventStore store = append(newStore(), created("a", "intro", NOW.minus(Duration.ofDays(2))),
                created("b", "intro", hoursAgo(1)), canceled("b", "intro", hoursAgo(1)));

        List<DailyPoint> series = metrics(store).daily(new DateRange(LocalDate.of(2026, 3, 12),
                LocalDate.of(2026, 3, 15)), false);

        assertThat(series).extracting(DailyPoint::date).containsExactly(LocalDate.of(2026, 3, 12),
                LocalDate.of(2026, 3, 13), LocalDate.of(2026, 3, 14), LocalDate.of(2026, 3, 15));
        assertThat(series).extracting(DailyPoint::newBookings).containsExactly(0L, 1L, 0L, 1L);
        assertThat(series).extracting(DailyPoint::bookedAppointments).containsExactly(0L, 1L, 0L, 0L);
        assertThat(series).extracting(DailyPoint::cancellations).containsExactly(0L, 0L, 0L, 1L);
        assertThat(series.get(1).revenue()).isEqualByComparingTo("100");
    }

    @Test
    void breaksNumbersDownByEventTypeWithNames() {
        ProjectingEventStore store = append(newStore(), created("a", "intro", hoursAgo(1)),
                created("b", "strategy", hoursAgo(1)), created("c", "strategy", hoursAgo(1)));

        List<EventTypeBreakdown> breakdown = metrics(store).breakdown(Period.TODAY, false);

        assertThat(breakdown).extracting(EventTypeBreakdown::eventTypeKey)
                .containsExactly(eventTypeKey("strategy"), eventTypeKey("intro"));
        assertThat(breakdown.get(0).eventTypeName()).isEqualTo("strategy consultation");
        assertThat(breakdown.get(0).bookedAppointments()).isEqualTo(2);
        assertThat(breakdown.get(0).revenue()).isEqualByComparingTo("200");
    }

    @Test
    void listsRecentBookingsNewestFirstWithTheirCurrentStatus() {
        ProjectingEventStore store = append(newStore(), created("a", "intro", hoursAgo(3)),
                created("b", "intro", hoursAgo(2)), canceled("b", "intro", hoursAgo(1)),
                rescheduledCancel("a", "c", "intro", hoursAgo(1)), rescheduledCreate("c", "a", "intro", hoursAgo(1)));

        List<RecentBooking> recent = metrics(store).recentBookings(2, false);

        assertThat(recent).extracting(RecentBooking::inviteeUri).containsExactly(uri("c"), uri("b"));
        assertThat(recent).extracting(RecentBooking::status)
                .containsExactly(BookingStatus.ACTIVE, BookingStatus.CANCELED);
        assertThat(metrics(store).recentBookings(5, false).get(2).status()).isEqualTo(BookingStatus.RESCHEDULED);
    }

    @Test
    void rebuildsTheSameNumbersFromTheStoredEvents() {
        List<StoredEvent> deliveries = new ShuffledLoad(42, 300).deliveries();
        ProjectingEventStore store = newStore();
        deliveries.forEach(store::append);
        store.recordLead("lead-x", hoursAgo(1), false);
        DashboardMetrics metrics = metrics(store);
        MetricsSummary before = metrics.summary(Period.LAST_30_DAYS);
        List<DailyPoint> seriesBefore = metrics.daily(ShuffledLoad.RANGE, true);

        store.rebuildProjections(ShuffledLoad.decoder(deliveries));

        assertThat(metrics.summary(Period.LAST_30_DAYS)).isEqualTo(before);
        assertThat(metrics.daily(ShuffledLoad.RANGE, true)).isEqualTo(seriesBefore);
    }

    @Test
    void rebuildsTheSameNumbersFromRealBodiesWithTheParser() {
        CalendlyEventParser parser = CalendlyEventParser.create();
        ProjectingEventStore store = newStore();
        String rescheduled = SignedPayloads.newInviteeUri();
        for (byte[] body : List.of(SignedPayloads.seedInviteeCreated(), SignedPayloads.inviteeCreated(),
                SignedPayloads.inviteeCreated(rescheduled), SignedPayloads.inviteeRescheduled(rescheduled,
                        SignedPayloads.newInviteeUri()), SignedPayloads.inviteeCanceled(),
                SignedPayloads.inviteeNoShowCreated(), SignedPayloads.routingFormSubmissionCreated(),
                SignedPayloads.unknownEvent())) {
            store.append(StoredEvent.of(parser.parse(body), body, NOW, EventSource.WEBHOOK));
        }
        DashboardMetrics metrics = metrics(store);
        MetricsSummary before = metrics.summary(Period.ALL_TIME);
        List<RecentBooking> recentBefore = metrics.recentBookings(10, true);

        store.rebuildProjections();

        assertThat(before.current()).extracting(PeriodNumbers::bookedAppointments, PeriodNumbers::reschedules,
                PeriodNumbers::cancellations, PeriodNumbers::noShows, PeriodNumbers::leads)
                .containsExactly(2L, 1L, 1L, 1L, 1L);
        assertThat(metrics.summary(Period.ALL_TIME)).isEqualTo(before);
        assertThat(metrics.recentBookings(10, true)).isEqualTo(recentBefore);
    }

    @Test
    void countsOneOfManyConcurrentCopiesOfADelivery() throws Exception {
        ProjectingEventStore store = newStore();

        appendConcurrently(store, stored(created("a", "intro", hoursAgo(1))), 8);

        assertThat(metrics(store).summary(Period.TODAY).newBookings()).isEqualTo(1);
    }

    @Test
    void endsWithTheReferenceNumbersAfterConcurrentShuffledDuplicatedDeliveries() throws Exception {
        ShuffledLoad load = new ShuffledLoad(7, 20_000);
        ProjectingEventStore store = newStore();

        long stored = load.deliverConcurrently(store, 8);

        ReferenceModel expected = ReferenceModel.of(load.uniqueEvents(), settings.load());
        DashboardMetrics metrics = metrics(store);
        assertThat(stored).isEqualTo(load.uniqueEvents().size());
        assertThat(metrics.summary(Period.ALL_TIME).current()).isEqualTo(expected.allTime());
        assertThat(metrics.daily(ShuffledLoad.RANGE, false)).isEqualTo(expected.daily(ShuffledLoad.RANGE));
    }
}
