package io.github.calendlywebhook.core.api.health;

import io.github.calendlywebhook.core.api.SubscriptionState;
import io.github.calendlywebhook.core.api.WebhookSubscription;
import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.health.DeliveryHealthTracker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches delivery health and the subscription state and raises an {@link Alert} when delivery health
 * degrades, and once when it recovers.
 *
 * <p>Issues: a disabled or retrying subscription (from {@link #observeSubscriptions}), and bursts of
 * signature failures, allowlist refusals, rate-limited deliveries or store errors, read from the
 * {@link DeliveryHealthTracker} the monitor is built on (the one the health indicators render, so the
 * monitor keeps no counts of its own). The tracker tells the monitor after every delivery; register the
 * tracker, not the monitor, with {@code WebhookProcessor.Builder#observer}. An issue that stays active
 * is alerted once (de-duplicated); a new degradation of the same issue is alerted at most once per
 * {@code minAlertInterval} (rate-limited), and its recovery only if its degradation was alerted.
 * Bursts end when the window passes without enough occurrences, checked after every delivery and by
 * {@link #evaluate()}, which a scheduled check calls. Store errors also end at the next delivery the
 * store accepts.
 *
 * <p>Evaluating is cheap and never throws; alerts are sent outside the lock through an
 * {@link AlertNotifier} that does not block, so alerting never delays or changes a delivery.
 */
public final class DeliveryHealthMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryHealthMonitor.class);
    private static final Map<HealthIssue, Outcome> BURSTS = bursts();

    private final DeliveryHealthTracker tracker;
    private final AlertNotifier notifier;
    private final Duration minAlertInterval;
    private final int burstThreshold;
    private final int storeErrorThreshold;
    private final Duration burstWindow;
    private final Set<HealthIssue> active = EnumSet.noneOf(HealthIssue.class);
    private final Set<HealthIssue> alerted = EnumSet.noneOf(HealthIssue.class);
    private final Map<HealthIssue, Instant> lastDegradedAlert = new EnumMap<>(HealthIssue.class);

    DeliveryHealthMonitor(DeliveryHealthMonitorBuilder builder) {
        this.tracker = builder.tracker;
        this.notifier = builder.notifier;
        this.minAlertInterval = builder.minAlertInterval;
        this.burstThreshold = builder.burstThreshold;
        this.storeErrorThreshold = builder.storeErrorThreshold;
        this.burstWindow = builder.burstWindow;
    }

    /**
     * Returns a builder of a monitor that reads the tracker and is told by it after every delivery.
     *
     * @param tracker the tracker the processor reports to
     * @param notifier where alerts go
     * @return the builder
     */
    public static DeliveryHealthMonitorBuilder builder(DeliveryHealthTracker tracker, AlertNotifier notifier) {
        return new DeliveryHealthMonitorBuilder(tracker, notifier);
    }

    /**
     * Observes the current webhook subscriptions, as listed from Calendly by a scheduled check.
     *
     * @param subscriptions the subscriptions delivering to this application
     */
    public void observeSubscriptions(Collection<WebhookSubscription> subscriptions) {
        List<String> disabled = urls(subscriptions, s -> s.state() != SubscriptionState.ACTIVE);
        List<String> retrying = urls(subscriptions, WebhookSubscription::retrying);
        List<Alert> alerts = new ArrayList<>();
        synchronized (this) {
            Instant now = tracker.clock().instant();
            update(HealthIssue.SUBSCRIPTION_DISABLED, !disabled.isEmpty(), String.join(", ", disabled), now, alerts);
            update(HealthIssue.SUBSCRIPTION_RETRYING, !retrying.isEmpty(), String.join(", ", retrying), now, alerts);
        }
        send(alerts);
    }

    /**
     * Re-checks the bursts against the tracker and the clock, so their recovery is alerted without new
     * deliveries. Never throws.
     */
    public void evaluate() {
        try {
            List<Alert> alerts = new ArrayList<>();
            synchronized (this) {
                Instant now = tracker.clock().instant();
                BURSTS.forEach((issue, outcome) -> update(issue,
                        tracker.count(outcome, burstWindow) >= burstThreshold,
                        "at least " + burstThreshold + " within " + burstWindow, now, alerts));
                update(HealthIssue.STORE_ERRORS,
                        tracker.storeFailuresSinceAcknowledged(burstWindow) >= storeErrorThreshold,
                        "at least " + storeErrorThreshold + " within " + burstWindow, now, alerts);
            }
            send(alerts);
        } catch (RuntimeException e) {
            LOG.warn("delivery health monitor failed: {}", e.toString());
        }
    }

    /** Returns the issues active now. */
    public synchronized Set<HealthIssue> issues() {
        return EnumSet.copyOf(active);
    }

    /** Returns the tracker the monitor reads. */
    public DeliveryHealthTracker tracker() {
        return tracker;
    }

    private void update(HealthIssue issue, boolean degraded, String detail, Instant now, List<Alert> alerts) {
        if (degraded) {
            active.add(issue);
            Instant last = lastDegradedAlert.get(issue);
            if (!alerted.contains(issue) && (last == null || !now.isBefore(last.plus(minAlertInterval)))) {
                alerted.add(issue);
                lastDegradedAlert.put(issue, now);
                alerts.add(Alert.degraded(issue, now, detail));
            }
        } else if (active.remove(issue) && alerted.remove(issue)) {
            alerts.add(Alert.recovered(issue, now));
        }
    }

    private void send(List<Alert> alerts) {
        for (Alert alert : alerts) {
            try {
                notifier.send(alert);
            } catch (RuntimeException e) {
                LOG.warn("alert notifier failed: {}", e.toString());
            }
        }
    }

    private static Map<HealthIssue, Outcome> bursts() {
        Map<HealthIssue, Outcome> bursts = new EnumMap<>(HealthIssue.class);
        bursts.put(HealthIssue.SIGNATURE_FAILURES, Outcome.INVALID_SIGNATURE);
        bursts.put(HealthIssue.FORBIDDEN_REQUESTS, Outcome.FORBIDDEN);
        bursts.put(HealthIssue.RATE_LIMITED_REQUESTS, Outcome.RATE_LIMITED);
        return bursts;
    }

    private static List<String> urls(Collection<WebhookSubscription> subscriptions,
            Predicate<WebhookSubscription> filter) {
        return subscriptions.stream().filter(filter).map(WebhookSubscription::callbackUrl).distinct()
                .collect(Collectors.toList());
    }

    @Override
    public String toString() {
        return "DeliveryHealthMonitor[issues=" + issues() + "]";
    }

}
