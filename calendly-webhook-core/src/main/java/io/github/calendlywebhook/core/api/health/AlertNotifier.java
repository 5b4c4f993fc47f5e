package io.github.calendlywebhook.core.api.health;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Sends alerts somewhere people look. Implementations return at once and never throw: a slow or
 * failing alert target must not delay or change webhook processing.
 */
@FunctionalInterface
public interface AlertNotifier {

    /**
     * Sends an alert without blocking.
     *
     * @param alert the alert
     * @return completes with whether the target accepted it; never completes exceptionally
     */
    CompletableFuture<Boolean> send(Alert alert);

    /**
     * Returns a notifier that POSTs {@code {"text": "..."}} (Slack incoming-webhook format, also
     * understood by Mattermost, Rocket.Chat and others) to the URL, giving up after 10 seconds.
     *
     * @param url the incoming-webhook URL, for example from {@code DASHBOARD_ALERT_WEBHOOK_URL}
     * @return the notifier
     */
    static AlertNotifier slack(URI url) {
        return slack(url, Duration.ofSeconds(10));
    }

    /**
     * Returns a notifier that POSTs {@code {"text": "..."}} to the URL.
     *
     * @param url the incoming-webhook URL
     * @param timeout how long one post may take, connecting included
     * @return the notifier
     */
    static AlertNotifier slack(URI url, Duration timeout) {
        return new SlackAlertNotifier(url, timeout);
    }

    /** Returns a notifier that drops every alert. */
    static AlertNotifier none() {
        return alert -> CompletableFuture.completedFuture(false);
    }
}
