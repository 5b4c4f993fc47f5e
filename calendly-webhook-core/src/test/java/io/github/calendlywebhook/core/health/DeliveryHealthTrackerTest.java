package io.github.calendlywebhook.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.delivery.DeliveryResult;
import io.github.calendlywebhook.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeliveryHealthTrackerTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-01-15T10:00:00Z"));
    private final DeliveryHealthTracker tracker = DeliveryHealthTracker.create(clock);

    @Test
    void rejectionsOlderThanTheRecentWindowShouldNoLongerCount() {
        tracker.onDelivery(result(Outcome.FORBIDDEN));
        clock.advance(DeliveryHealthTracker.DEFAULT_WINDOW.plusSeconds(1));
        tracker.onDelivery(result(Outcome.RATE_LIMITED));

        assertThat(tracker.activity().rejections()).containsOnlyKeys(Outcome.RATE_LIMITED);
    }

    @Test
    void lastAcceptedShouldBeTheTimeOfTheLatestAcceptedDelivery() {
        tracker.onDelivery(result(Outcome.ACCEPTED));
        Instant later = clock.advance(Duration.ofMinutes(3));
        tracker.onDelivery(result(Outcome.ACCEPTED));
        tracker.onDelivery(result(Outcome.INVALID_SIGNATURE));

        assertThat(tracker.activity().lastAccepted()).extracting(SeenDelivery::at).isEqualTo(later);
    }

    @Test
    void storeShouldCountAsRecoveredOnceAnEventIsStoredAgain() {
        tracker.onDelivery(result(Outcome.STORE_UNAVAILABLE));
        tracker.onDelivery(result(Outcome.DUPLICATE));

        assertThat(tracker.activity().storeFailing()).isFalse();
    }

    @Test
    void storeShouldStayFailingWhileOnlyRejectionsArrive() {
        tracker.onDelivery(result(Outcome.STORE_UNAVAILABLE));
        tracker.onDelivery(result(Outcome.INVALID_SIGNATURE));

        assertThat(tracker.activity().storeFailing()).isTrue();
    }

    @Test
    void lastDeliveryAndLastAcknowledgedShouldFollowTheirOwnOutcomes() {
        tracker.onDelivery(result(Outcome.ACCEPTED));
        Instant duplicate = clock.advance(Duration.ofMinutes(1));
        tracker.onDelivery(result(Outcome.DUPLICATE));
        Instant rejected = clock.advance(Duration.ofMinutes(1));
        tracker.onDelivery(result(Outcome.MALFORMED_PAYLOAD));

        DeliveryActivity activity = tracker.activity();

        assertThat(activity.lastDelivery()).extracting(SeenDelivery::at, SeenDelivery::outcome)
                .containsExactly(rejected, Outcome.MALFORMED_PAYLOAD);
        assertThat(activity.lastAcknowledged()).extracting(SeenDelivery::at, SeenDelivery::outcome)
                .containsExactly(duplicate, Outcome.DUPLICATE);
        assertThat(activity.rejections()).containsExactly(java.util.Map.entry(Outcome.MALFORMED_PAYLOAD, 1L));
    }

    @Test
    void aFloodShouldBeCountedUpToTheCapacityAndStillAgeOut() {
        for (int i = 0; i < DeliveryHealthTracker.CAPACITY + 50; i++) {
            tracker.onDelivery(result(Outcome.FORBIDDEN));
        }
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 5; i++) {
            tracker.onDelivery(result(Outcome.FORBIDDEN));
        }

        assertThat(tracker.count(Outcome.FORBIDDEN, Duration.ofMinutes(2))).isEqualTo(DeliveryHealthTracker.CAPACITY);
        assertThat(tracker.count(Outcome.FORBIDDEN, Duration.ofSeconds(30))).isEqualTo(5);
    }

    @Test
    void countsShouldStayExactAcrossSpreadOutDeliveries() {
        for (int i = 0; i < 40; i++) {
            tracker.onDelivery(result(Outcome.RATE_LIMITED));
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(tracker.count(Outcome.RATE_LIMITED, Duration.ofMinutes(5))).isEqualTo(5);
        assertThat(tracker.count(Outcome.RATE_LIMITED, Duration.ofHours(1))).isEqualTo(40);
    }

    @Test
    void storeFailuresShouldBeCountedOnlySinceTheLastAcknowledgedDelivery() {
        tracker.onDelivery(result(Outcome.STORE_UNAVAILABLE));
        tracker.onDelivery(result(Outcome.ACCEPTED));
        tracker.onDelivery(result(Outcome.STORE_UNAVAILABLE));
        tracker.onDelivery(result(Outcome.STORE_UNAVAILABLE));

        assertThat(tracker.storeFailuresSinceAcknowledged(Duration.ofMinutes(5))).isEqualTo(2);
        assertThat(tracker.count(Outcome.STORE_UNAVAILABLE, Duration.ofMinutes(5))).isEqualTo(3);
    }

    @Test
    void subscribersShouldBeToldAfterEveryDeliveryEvenWhenOneOfThemFails() {
        AtomicInteger told = new AtomicInteger();
        tracker.subscribe(() -> {
            throw new IllegalStateException("broken subscriber");
        });
        tracker.subscribe(() -> told.set(tracker.count(Outcome.ACCEPTED, Duration.ofMinutes(1))));

        assertThatCode(() -> {
            tracker.onDelivery(result(Outcome.ACCEPTED));
            tracker.onDelivery(result(Outcome.ACCEPTED));
        }).doesNotThrowAnyException();
        assertThat(told).hasValue(2);
    }

    static DeliveryResult result(Outcome outcome) {
        return new DeliveryResult(outcome, null, EventSource.WEBHOOK, "203.0.113.7", Duration.ofMillis(3));
    }
}
