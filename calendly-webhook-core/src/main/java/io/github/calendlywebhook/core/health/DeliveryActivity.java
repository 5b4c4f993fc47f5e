package io.github.calendlywebhook.core.health;

import io.github.calendlywebhook.core.delivery.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the endpoint observed, as of an instant: the raw material of {@link DeliveryHealth}.
 *
 * @param at when it was read
 * @param window how far back {@code outcomes} reach
 * @param lastDelivery the newest delivery of any outcome
 * @param lastAcknowledged the newest delivery answered 2xx (accepted or duplicate)
 * @param lastAccepted the newest delivery stored for the first time
 * @param outcomes deliveries within the window, by outcome; outcomes that did not occur are absent
 * @param storeFailing whether the last attempt to store an event failed and none was stored since
 */
record DeliveryActivity(Instant at, Duration window, @Nullable SeenDelivery lastDelivery,
        @Nullable SeenDelivery lastAcknowledged, @Nullable SeenDelivery lastAccepted, Map<Outcome, Long> outcomes,
        boolean storeFailing) {

    public DeliveryActivity {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(window, "window");
        EnumMap<Outcome, Long> copy = new EnumMap<>(Outcome.class);
        outcomes.forEach((outcome, count) -> {
            if (count > 0) {
                copy.put(outcome, count);
            }
        });
        outcomes = Collections.unmodifiableMap(copy);
    }

    /** Returns the deliveries within the window that were not acknowledged, by outcome. */
    public Map<Outcome, Long> rejections() {
        EnumMap<Outcome, Long> rejections = new EnumMap<>(Outcome.class);
        outcomes.forEach((outcome, count) -> {
            if (!outcome.acknowledged()) {
                rejections.put(outcome, count);
            }
        });
        return Collections.unmodifiableMap(rejections);
    }

    /**
     * Returns the activity of an endpoint that has seen no delivery.
     *
     * @param at when it was read
     * @param window the window deliveries are counted in
     * @return the empty activity
     */
    static DeliveryActivity none(Instant at, Duration window) {
        return new DeliveryActivity(at, window, null, null, null, Map.of(), false);
    }
}
