package io.github.calendlywebhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.audit.EventSource;
import io.github.calendlywebhook.core.audit.Outcome;
import io.github.calendlywebhook.core.pipeline.DeliveryResult;
import io.github.calendlywebhook.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryHealthTrackerTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-01-15T10:00:00Z"));
    private final DeliveryHealthTracker tracker = new DeliveryHealthTracker(clock);

    @Test
    void rejectionsOlderThanTheRecentWindowShouldNoLongerCount() {
        tracker.onDelivery(result(Outcome.FORBIDDEN));
        clock.advance(DeliveryHealthTracker.RECENT.plusSeconds(1));
        tracker.onDelivery(result(Outcome.RATE_LIMITED));

        assertThat(tracker.recentRejections()).containsOnlyKeys("rate_limited");
    }

    @Test
    void lastAcceptedShouldBeTheTimeOfTheLatestAcceptedDelivery() {
        tracker.onDelivery(result(Outcome.ACCEPTED));
        Instant later = clock.advance(Duration.ofMinutes(3));
        tracker.onDelivery(result(Outcome.ACCEPTED));
        tracker.onDelivery(result(Outcome.INVALID_SIGNATURE));

        assertThat(tracker.lastAccepted()).isEqualTo(later);
    }

    @Test
    void storeShouldCountAsRecoveredOnceAnEventIsStoredAgain() {
        tracker.onDelivery(result(Outcome.STORE_UNAVAILABLE));
        tracker.onDelivery(result(Outcome.DUPLICATE));

        assertThat(tracker.storeFailing()).isFalse();
    }

    @Test
    void storeShouldStayFailingWhileOnlyRejectionsArrive() {
        tracker.onDelivery(result(Outcome.STORE_UNAVAILABLE));
        tracker.onDelivery(result(Outcome.INVALID_SIGNATURE));

        assertThat(tracker.storeFailing()).isTrue();
    }

    private static DeliveryResult result(Outcome outcome) {
        return new DeliveryResult(outcome, null, EventSource.WEBHOOK, "203.0.113.7", Duration.ofMillis(3));
    }
}
