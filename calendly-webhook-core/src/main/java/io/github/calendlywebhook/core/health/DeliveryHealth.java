package io.github.calendlywebhook.core.health;

import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.publication.PublicationCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The delivery health of the webhook endpoint, the one model every health indicator and the dashboard
 * render.
 *
 * @param status DOWN while the store cannot make deliveries durable, DEGRADED while rejections that mean
 *     a misconfiguration occurred in the window or listener publications are parked, UP otherwise
 * @param store whether the store can make deliveries durable
 * @param lastDelivery the newest delivery of any outcome
 * @param lastAcknowledged the newest delivery answered 2xx
 * @param lastAccepted the newest delivery stored for the first time
 * @param deliveries deliveries within the window, by outcome code, sorted
 * @param rejections the deliveries not acknowledged within the window, by outcome code, sorted
 * @param window how far back {@code deliveries} and {@code rejections} reach
 * @param warnings what to check, in sentences, empty when nothing is wrong
 * @param checkedAt when the health was assessed
 * @param listeners the incomplete listener publications by status; {@code null} when not assessed
 */
public record DeliveryHealth(Status status, StoreStatus store, @Nullable SeenDelivery lastDelivery,
        @Nullable SeenDelivery lastAcknowledged, @Nullable SeenDelivery lastAccepted, Map<String, Long> deliveries,
        Map<String, Long> rejections, Duration window, List<String> warnings, Instant checkedAt,
        @Nullable PublicationCounts listeners) {

    /** The overall state. */
    public enum Status {
        /** Deliveries are stored and nothing needs attention. */
        UP,
        /**
         * Deliveries are stored, but some were refused in a way that means a misconfiguration, or listener
         * publications are parked.
         */
        DEGRADED,
        /** Deliveries cannot be stored: they are answered 503 and Calendly retries them. */
        DOWN
    }

    private static final Map<Outcome, String> ADVICE = advice();

    public DeliveryHealth {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(checkedAt, "checkedAt");
        deliveries = Collections.unmodifiableMap(new TreeMap<>(deliveries));
        rejections = Collections.unmodifiableMap(new TreeMap<>(rejections));
        warnings = List.copyOf(warnings);
    }

    /**
     * Assesses observed activity and the store's state.
     *
     * @param activity what the endpoint observed
     * @param store the store's state; {@link StoreStatus#FAILING} is taken from the activity when it says so
     * @return the health
     */
    static DeliveryHealth assess(DeliveryActivity activity, StoreStatus store) {
        StoreStatus effective = activity.storeFailing() ? StoreStatus.FAILING : store;
        Map<String, Long> deliveries = new TreeMap<>();
        Map<String, Long> rejections = new TreeMap<>();
        activity.outcomes().forEach((outcome, count) -> {
            deliveries.put(outcome.code(), count);
            if (!outcome.acknowledged()) {
                rejections.put(outcome.code(), count);
            }
        });
        List<String> warnings = new ArrayList<>();
        ADVICE.forEach((outcome, advice) -> {
            long count = activity.outcomes().getOrDefault(outcome, 0L);
            if (count > 0) {
                warnings.add(count + " " + advice + ". Calendly disables a subscription after 24 hours of failures.");
            }
        });
        Status status = !effective.usable() ? Status.DOWN : warnings.isEmpty() ? Status.UP : Status.DEGRADED;
        return new DeliveryHealth(status, effective, activity.lastDelivery(), activity.lastAcknowledged(),
                activity.lastAccepted(), deliveries, rejections, activity.window(), warnings, activity.at(), null);
    }

    /**
     * Returns this health with the listener publications: DEGRADED (unless DOWN), with a warning, while
     * some are parked.
     *
     * @param counts the incomplete publications by status
     * @return the health including them
     */
    public DeliveryHealth withListeners(PublicationCounts counts) {
        List<String> more = new ArrayList<>(warnings);
        Status next = status;
        if (counts.parked() > 0) {
            more.add(counts.parked() + " listener publications are parked after failing too often or for too long:"
                    + " fix the listener's cause, then retry them from the admin panel or ListenerDispatcher");
            next = status == Status.DOWN ? Status.DOWN : Status.DEGRADED;
        }
        return new DeliveryHealth(next, store, lastDelivery, lastAcknowledged, lastAccepted, deliveries, rejections,
                window, more, checkedAt, counts);
    }

    /**
     * Returns the details a health endpoint shows: {@code state}, {@code store}, {@code lastDelivery},
     * {@code lastAcknowledgedDelivery}, {@code lastAcceptedDelivery} (an instant or {@code none}),
     * {@code recentRejections} (counts by outcome code), {@code window}, {@code warnings} and, when
     * assessed, {@code listenerPublications} (incomplete publications: pending, retrying, parked).
     *
     * @return the details, in that order; values are strings, a map of counts and a list of strings
     */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", status.name());
        details.put("store", store.text());
        details.put("lastDelivery", instant(lastDelivery));
        details.put("lastAcknowledgedDelivery", instant(lastAcknowledged));
        details.put("lastAcceptedDelivery", instant(lastAccepted));
        details.put("recentRejections", rejections);
        details.put("window", window.toString());
        details.put("warnings", warnings);
        if (listeners != null) {
            Map<String, Long> publications = new LinkedHashMap<>();
            publications.put("pending", listeners.pending());
            publications.put("retrying", listeners.retrying());
            publications.put("parked", listeners.parked());
            details.put("listenerPublications", Collections.unmodifiableMap(publications));
        }
        return Collections.unmodifiableMap(details);
    }

    private static String instant(@Nullable SeenDelivery delivery) {
        return delivery == null ? "none" : delivery.at().toString();
    }

    private static Map<Outcome, String> advice() {
        Map<Outcome, String> advice = new LinkedHashMap<>();
        advice.put(Outcome.INVALID_SIGNATURE, "signature failures (401): check that CALENDLY_WEBHOOK_SECRET matches"
                + " the signing key of the Calendly subscription");
        advice.put(Outcome.FORBIDDEN, "refused client addresses (403): check ALLOWED_IPS and the trusted proxies if"
                + " the application runs behind a reverse proxy");
        advice.put(Outcome.FORWARDING_HEADERS_INVALID, "requests from a trusted proxy with forged or unreadable"
                + " forwarding headers (403): check what the proxy writes, or whether someone spoofs them");
        advice.put(Outcome.RATE_LIMITED, "rate-limited deliveries (429): Calendly retries them, but check for"
                + " duplicate subscriptions or raise the rate limit");
        advice.put(Outcome.STORE_UNAVAILABLE, "deliveries refused because the database was unavailable (503)");
        return Collections.unmodifiableMap(advice);
    }
}
