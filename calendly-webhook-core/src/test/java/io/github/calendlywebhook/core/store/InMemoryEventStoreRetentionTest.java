package io.github.calendlywebhook.core.store;

import static io.github.calendlywebhook.test.EventFixtures.canceled;
import static io.github.calendlywebhook.test.EventFixtures.created;
import static io.github.calendlywebhook.test.EventFixtures.eventTypeKey;
import static io.github.calendlywebhook.test.EventFixtures.noShowCreated;
import static io.github.calendlywebhook.test.EventFixtures.noShowDeleted;
import static io.github.calendlywebhook.test.EventFixtures.stored;
import static io.github.calendlywebhook.test.EventFixtures.testCreated;
import static io.github.calendlywebhook.test.EventFixtures.uri;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.github.calendlywebhook.core.store.Counters;
import io.github.calendlywebhook.core.store.DateRange;
import io.github.calendlywebhook.core.store.InMemoryEventStore.Retained;
import io.github.calendlywebhook.core.store.ProjectingEventStore;
import io.github.calendlywebhook.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryEventStoreRetentionTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration WINDOW = Duration.ofHours(48);

    private final MutableClock clock = MutableClock.at(START);

    private InMemoryEventStore store(Retained retained) {
        return InMemoryEventStore.builder().clock(clock).retention(WINDOW).retained(retained).build();
    }

    @Test
    void reportsARedeliveryAtTheEndOfTheWindowAsDuplicate() {
        InMemoryEventStore store = store(Retained.COUNTERS);
        StoredEvent delivery = stored(created("a", "intro", START));
        store.append(delivery);

        clock.advance(WINDOW.minusMillis(1));

        assertThat(store.append(delivery)).isEqualTo(AppendResult.DUPLICATE);
    }

    @Test
    void forgetsADeliveryKeyOnceTheWindowHasPassed() {
        InMemoryEventStore store = store(Retained.KEYS);
        StoredEvent delivery = stored(created("a", "intro", START));
        store.append(delivery);

        clock.advance(WINDOW);

        assertThat(store.size()).isZero();
        assertThat(store.append(delivery)).isEqualTo(AppendResult.STORED);
    }

    @Test
    void keepsAsManyKeysAsDeliveriesInsideTheWindowHoweverManyArrived() {
        InMemoryEventStore store = store(Retained.COUNTERS);

        for (int hour = 0; hour < 24 * 10; hour++) {
            clock.advance(Duration.ofHours(hour == 0 ? 0 : 1));
            for (int i = 0; i < 5; i++) {
                String name = hour + "-" + i;
                store.append(stored(created(name, "intro", clock.instant())));
                store.append(stored(canceled(name, "intro", clock.instant())));
            }
        }

        assertThat(store.size()).isEqualTo(48 * 5 * 2);
        assertThat(store.keptStates()).isEqualTo(48 * 5);
    }

    @Test
    void keepsEveryCounterAfterForgettingTheStatesBehindThem() {
        InMemoryEventStore store = store(Retained.COUNTERS);
        store.append(stored(created("a", "intro", START)));
        store.append(stored(canceled("a", "intro", START)));
        store.append(stored(created("b", "intro", START)));
        store.append(stored(noShowCreated("n", "b", "intro", START)));
        Counters before = store.totals(false).get(eventTypeKey("intro"));

        clock.advance(Duration.ofDays(30));
        store.append(stored(created("c", "other", clock.instant())));

        assertThat(store.totals(false)).containsEntry(
                eventTypeKey("intro"), before);
        assertThat(store.daily(new DateRange(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2)), false))
                .singleElement().satisfies(bucket -> assertThat(bucket.counters()).isEqualTo(before));
    }

    @Test
    void keepsAnUpcomingBookingUntilTheWindowAfterItsMeetingSoALateCancelStillSubtractsIt() {
        InMemoryEventStore store = store(Retained.COUNTERS);
        store.append(stored(created("a", "intro", START)));

        clock.advance(Duration.ofDays(60));
        store.append(stored(canceled("a", "intro", clock.instant())));

        Counters total = store.totals(false).get(eventTypeKey("intro"));
        assertThat(total.activeBookings()).isZero();
        assertThat(total.cancellations()).isEqualTo(1);
    }

    @Test
    void keepsAnUpcomingBookingUntilAfterItsMeetingEvenWhenALaterEventTouchedIt() {
        InMemoryEventStore store = store(Retained.COUNTERS);
        store.append(stored(created("a", "intro", START)));
        clock.advance(Duration.ofDays(1));
        store.append(stored(noShowCreated("n", "a", "intro", clock.instant())));

        clock.advance(Duration.ofDays(60));
        store.append(stored(canceled("a", "intro", clock.instant())));

        Counters total = store.totals(false).get(eventTypeKey("intro"));
        assertThat(total.activeBookings()).isZero();
        assertThat(total.cancellations()).isEqualTo(1);
    }

    @Test
    void forgetsACanceledBookingAndItsNoShowMarkAfterTheWindow() {
        InMemoryEventStore store = store(Retained.COUNTERS);
        store.append(stored(created("a", "intro", START)));
        store.append(stored(canceled("a", "intro", START)));
        store.append(stored(noShowCreated("n", "a", "intro", START)));

        clock.advance(WINDOW);

        assertThat(store.keptStates()).isZero();
        assertThat(store.recentBookings(10, true)).isEmpty();
    }

    @Test
    void countsANoShowRemovalInsideTheWindowExactlyAsBefore() {
        InMemoryEventStore store = store(Retained.COUNTERS);
        store.append(stored(noShowCreated("n", "a", "intro", START)));

        clock.advance(WINDOW.minusMillis(1));
        store.append(stored(noShowDeleted("n", "a", "intro", clock.instant())));

        assertThat(store.totals(false).values()).allSatisfy(counters -> assertThat(counters.noShows()).isZero());
    }

    @Test
    void keepsOnlyKeysAndRefusesToReadNumbersWhenBuiltForListeners() {
        InMemoryEventStore store = store(Retained.KEYS);
        StoredEvent delivery = stored(created("a", "intro", START));

        AppendResult first = store.append(delivery);
        AppendResult again = store.append(delivery);

        assertThat(first).isEqualTo(AppendResult.STORED);
        assertThat(again).isEqualTo(AppendResult.DUPLICATE);
        assertThat(store.keptStates()).isZero();
        assertThatIllegalStateException().isThrownBy(() -> store.totals(false))
                .withMessageContaining("calendly.webhook.store.in-memory.keep");
        assertThatIllegalStateException().isThrownBy(() -> store.recordLead("lead", START, false));
    }

    @Test
    void keepsOnlyKeysFromTheMomentAnAdapterLearnsThatNothingReadsTheNumbers() {
        InMemoryEventStore store = store(Retained.COUNTERS);
        StoredEvent delivery = stored(created("a", "intro", START));
        store.append(delivery);

        store.keepOnlyKeys();

        assertThat(store.retained()).isEqualTo(Retained.KEYS);
        assertThat(store.keptStates()).isZero();
        assertThat(store.append(delivery)).isEqualTo(AppendResult.DUPLICATE);
        assertThat(store.append(stored(created("b", "intro", START)))).isEqualTo(AppendResult.STORED);
        assertThatIllegalStateException().isThrownBy(() -> store.recentBookings(10, false))
                .withMessageContaining("calendly.webhook.store.in-memory.keep");
    }

    @Test
    void refusesToListEventsUnlessBuiltToKeepThem() {
        InMemoryEventStore store = store(Retained.COUNTERS);
        store.append(stored(created("a", "intro", START)));

        assertThatIllegalStateException().isThrownBy(store::events).withMessageContaining("Retained.EVENTS");
    }

    @Test
    void keepsEveryEventWhenBuiltToKeepEvents() {
        InMemoryEventStore store = store(Retained.EVENTS);
        StoredEvent delivery = stored(created("a", "intro", START));
        store.append(delivery);

        clock.advance(Duration.ofDays(365));

        assertThat(store.events()).containsExactly(delivery);
        assertThat(store.append(delivery)).isEqualTo(AppendResult.DUPLICATE);
    }

    @Test
    void forgetsALeadIdAfterTheWindowButKeepsItsCount() {
        InMemoryEventStore store = store(Retained.COUNTERS);
        boolean first = store.recordLead("lead-1", START, false);
        boolean insideWindow = store.recordLead("lead-1", START, false);

        clock.advance(WINDOW);

        assertThat(first).isTrue();
        assertThat(insideWindow).isFalse();
        assertThat(store.totals(false).get(ProjectingEventStore.LEADS_KEY).leads()).isEqualTo(1);
    }

    @Test
    void showsTheNewestBookingsWithTheirCurrentStateWhileKeepingDetailsOfOnlyAFew() {
        InMemoryEventStore store = InMemoryEventStore.builder().clock(clock).recentBookings(2).build();
        store.append(stored(created("a", "intro", START)));
        store.append(stored(created("b", "intro", START.plusSeconds(60))));
        store.append(stored(created("c", "intro", START.plusSeconds(120))));
        store.append(stored(canceled("c", "intro", START.plusSeconds(180))));

        List<RecentBooking> recent = store.recentBookings(10, false);

        assertThat(recent).extracting(RecentBooking::inviteeUri).containsExactly(uri("c"), uri("b"));
        assertThat(recent).extracting(RecentBooking::status).containsExactly(BookingStatus.CANCELED, BookingStatus.ACTIVE);
        assertThat(recent.get(1).name()).isNotNull();
        assertThat(store.totals(false).get(eventTypeKey("intro")).newBookings()).isEqualTo(3);
    }

    @Test
    void leavesOutOfTheListABookingOlderThanEveryBookingWhoseDetailsAreKept() {
        InMemoryEventStore store = InMemoryEventStore.builder().clock(clock).recentBookings(2).build();
        store.append(stored(created("b", "intro", START.plusSeconds(60))));
        store.append(stored(created("c", "intro", START.plusSeconds(120))));

        store.append(stored(created("a", "intro", START)));

        assertThat(store.recentBookings(10, false)).extracting(RecentBooking::inviteeUri)
                .containsExactly(uri("c"), uri("b"));
        assertThat(store.totals(false).get(eventTypeKey("intro")).activeBookings()).isEqualTo(3);
    }

    @Test
    void keepsTestBookingsApartSoTheyNeverPushARegularBookingOutOfTheList() {
        InMemoryEventStore store = InMemoryEventStore.builder().clock(clock).recentBookings(1).build();
        store.append(stored(created("a", "intro", START)));
        store.append(stored(testCreated("t", "intro", START.plusSeconds(60))));

        assertThat(store.recentBookings(10, false)).extracting(RecentBooking::inviteeUri).containsExactly(uri("a"));
        assertThat(store.recentBookings(10, true)).extracting(RecentBooking::inviteeUri)
                .containsExactly(uri("t"), uri("a"));
    }

    @Test
    void rejectsKeepingTheDetailsOfNoBooking() {
        assertThatIllegalArgumentException().isThrownBy(() -> InMemoryEventStore.builder().recentBookings(0))
                .withMessageContaining("recentBookings");
    }

    @Test
    void rejectsAWindowThatIsNotPositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> InMemoryEventStore.builder().retention(Duration.ZERO))
                .withMessageContaining("retention");
    }
}
