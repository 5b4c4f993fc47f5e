package io.github.calendlywebhook.core.api.health;

import io.github.calendlywebhook.core.api.SubscriptionState;
import io.github.calendlywebhook.core.api.WebhookSubscription;
import io.github.calendlywebhook.core.audit.Outcome;
import io.github.calendlywebhook.core.pipeline.DeliveryObserver;
import io.github.calendlywebhook.core.pipeline.DeliveryResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches delivery outcomes and the subscription state and raises an {@link Alert} when delivery
 * health degrades, and once when it recovers.
 *
 * <p>Issues: a disabled or retrying subscription (from {@link #observeSubscriptions}), and bursts of
 * signature failures, allowlist refusals, rate-limited deliveries or store errors (from
 * {@link #onDelivery}, as a {@link DeliveryObserver} of the processor). An issue that stays active is
 * alerted once (de-duplicated); a new degradation of the same issue is alerted at most once per
 * {@code minAlertInterval} (rate-limited), and its recovery only if its degradation was alerted.
 * Bursts end when the window passes without enough occurrences, checked on every outcome and by
 * {@link #evaluate()}, which a scheduled check calls.
 * Store errors also end at the next delivery the store accepts.
 *
 * <p>Observing an outcome is cheap and never throws; alerts are sent outside the lock through an
 * {@link AlertNotifier} that does not block, so alerting never delays or changes a delivery.
 */
public final class DeliveryHealthMonitor implements DeliveryObserver {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryHealthMonitor.class);

    private final AlertNotifier notifier;
    private final Clock clock;
    private final Duration minAlertInterval;
    private final Map<HealthIssue, BurstWindow> bursts = new EnumMap<>(HealthIssue.class);
    private final Set<HealthIssue> active = EnumSet.noneOf(HealthIssue.class);
    private final Set<HealthIssue> alerted = EnumSet.noneOf(HealthIssue.class);
    private final Map<HealthIssue, Instant> lastDegradedAlert = new EnumMap<>(HealthIssue.class);

    DeliveryHealthMonitor(DeliveryHealthMonitorBuilder builder) {
        this.notifier = builder.notifier;
        this.clock = builder.clock;
        this.minAlertInterval = builder.minAlertInterval;
        bursts.put(HealthIssue.SIGNATURE_FAILURES, new BurstWindow(builder.burstThreshold, builder.burstWindow));
        bursts.put(HealthIssue.FORBIDDEN_REQUESTS, new BurstWindow(builder.burstThreshold, builder.burstWindow));
        bursts.put(HealthIssue.RATE_LIMITED_REQUESTS, new BurstWindow(builder.burstThreshold, builder.burstWindow));
        bursts.put(HealthIssue.STORE_ERRORS, new BurstWindow(builder.storeErrorThreshold, builder.burstWindow));
    }

    /**
     * Returns a builder.
     *
     * @param notifier where alerts go
     * @return the builder
     */
    public static DeliveryHealthMonitorBuilder builder(AlertNotifier notifier) {
        return new DeliveryHealthMonitorBuilder(notifier);
    }

    /**
     * Observes one delivery; register the monitor with {@code WebhookProcessor.Builder#observer}.
     * Never throws.
     *
     * @param result the delivery's final outcome
     */
    @Override
    public void onDelivery(DeliveryResult result) {
        onOutcome(result.outcome());
    }

    /**
     * Observes the outcome of one delivery. Never throws.
     *
     * @param outcome the outcome
     */
    public void onOutcome(Outcome outcome) {
        try {
            List<Alert> alerts;
            synchronized (this) {
                Instant now = clock.instant();
                HealthIssue issue = issueOf(outcome);
                if (issue != null) {
                    bursts.get(issue).record(now);
                } else if (outcome.acknowledged()) {
                    bursts.get(HealthIssue.STORE_ERRORS).clear();
                }
                alerts = evaluateBursts(now);
            }
            send(alerts);
        } catch (RuntimeException e) {
            LOG.warn("delivery health monitor failed: {}", e.toString());
        }
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
            Instant now = clock.instant();
            update(HealthIssue.SUBSCRIPTION_DISABLED, !disabled.isEmpty(), String.join(", ", disabled), now, alerts);
            update(HealthIssue.SUBSCRIPTION_RETRYING, !retrying.isEmpty(), String.join(", ", retrying), now, alerts);
        }
        send(alerts);
    }

    /** Re-checks the bursts against the clock, so their recovery is alerted without new deliveries. */
    public void evaluate() {
        List<Alert> alerts;
        synchronized (this) {
            alerts = evaluateBursts(clock.instant());
        }
        send(alerts);
    }

    /** Returns the issues active now. */
    public synchronized Set<HealthIssue> issues() {
        return EnumSet.copyOf(active);
    }

    private List<Alert> evaluateBursts(Instant now) {
        List<Alert> alerts = new ArrayList<>();
        bursts.forEach((issue, window) -> update(issue, window.burst(now),
                "at least " + window.threshold() + " within " + window.window(), now, alerts));
        return alerts;
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

    private static @Nullable HealthIssue issueOf(Outcome outcome) {
        switch (outcome) {
            case INVALID_SIGNATURE:
                return HealthIssue.SIGNATURE_FAILURES;
            case FORBIDDEN:
                return HealthIssue.FORBIDDEN_REQUESTS;
            case RATE_LIMITED:
                return HealthIssue.RATE_LIMITED_REQUESTS;
            case STORE_UNAVAILABLE:
                return HealthIssue.STORE_ERRORS;
            default:
                return null;
        }
    }

    private static List<String> urls(Collection<WebhookSubscription> subscriptions,
            java.util.function.Predicate<WebhookSubscription> filter) {
        return subscriptions.stream().filter(filter).map(WebhookSubscription::callbackUrl).distinct()
                .collect(Collectors.toList());
    }

    @Override
    public String toString() {
        return "DeliveryHealthMonitor[issues=" + issues() + "]";
    }

}
