package io.github.calendlywebhook.dashboard.calendly;

import io.github.calendlywebhook.core.api.SubscriptionScope;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Calendly API features under {@code dashboard.calendly.*}; {@code application.yml}
 * maps {@code CALENDLY_API_TOKEN}, {@code DASHBOARD_PUBLIC_URL} and {@code DASHBOARD_ALERT_WEBHOOK_URL}
 * onto them. Without a token the application runs as before and the Subscriptions page explains the
 * manual path.
 *
 * @param apiToken the Calendly personal access token; never logged or shown
 * @param apiBaseUrl the Calendly API base URL (tests point it at a stub)
 * @param publicUrl the public base URL of the dashboard, for example {@code https://dash.example.com}
 *     ({@code https}, or {@code http} for a loopback host only); Register and Rotate refuse to run without it
 * @param encryptionKey the key that encrypts stored signing keys ({@code DASHBOARD_ENCRYPTION_KEY}): 32 bytes in
 *     base64 or a passphrase of at least 16 characters; keys are stored in the clear without it; never logged
 * @param alertWebhookUrl a Slack-compatible incoming-webhook URL for delivery-health alerts
 * @param alertTimeout how long one alert post may take
 * @param alertMinInterval the shortest time between two alerts about the same degradation
 * @param scope the subscription scope: {@code organization} (needs an admin token; covers routing
 *     forms) or {@code user}
 * @param events the events to subscribe to
 * @param checkInterval how often the subscription state is read from Calendly; zero disables the check
 * @param previousKeyGrace how long a previous signing key stays accepted after its subscription is gone
 * @param backfillLookahead how far into the future a backfill reads meetings, as bookings made during
 *     an outage can be for meetings weeks ahead
 * @param backfillMaxDays the largest number of past days one backfill may cover
 */
@ConfigurationProperties("dashboard.calendly")
public record CalendlyProperties(
        @Nullable String apiToken,
        @DefaultValue("https://api.calendly.com") String apiBaseUrl,
        @Nullable String publicUrl,
        @Nullable String encryptionKey,
        @Nullable String alertWebhookUrl,
        @DefaultValue("10s") Duration alertTimeout,
        @DefaultValue("15m") Duration alertMinInterval,
        @DefaultValue("organization") String scope,
        @DefaultValue({"invitee.created", "invitee.canceled", "invitee_no_show.created", "invitee_no_show.deleted",
                "routing_form_submission.created"}) List<String> events,
        @DefaultValue("5m") Duration checkInterval,
        @DefaultValue("5m") Duration previousKeyGrace,
        @DefaultValue("90d") Duration backfillLookahead,
        @DefaultValue("90") int backfillMaxDays) {

    public CalendlyProperties {
        apiToken = blankToNull(apiToken);
        publicUrl = blankToNull(publicUrl);
        alertWebhookUrl = blankToNull(alertWebhookUrl);
        encryptionKey = blankToNull(encryptionKey);
        events = List.copyOf(events);
        SubscriptionScope.fromApiValue(scope.trim().toLowerCase(Locale.ROOT));
        String problem = publicUrl == null ? null : CallbackUrl.problem(publicUrl);
        if (problem != null) {
            throw new IllegalArgumentException("dashboard.calendly.public-url (DASHBOARD_PUBLIC_URL) " + problem);
        }
        if (backfillMaxDays < 1 || checkInterval.isNegative() || previousKeyGrace.isNegative()) {
            throw new IllegalArgumentException("dashboard.calendly limits must not be negative");
        }
    }

    /** Returns whether an API token is configured. */
    public boolean apiEnabled() {
        return apiToken != null;
    }

    /** Returns the subscription scope. */
    public SubscriptionScope subscriptionScope() {
        return SubscriptionScope.fromApiValue(scope.trim().toLowerCase(Locale.ROOT));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "CalendlyProperties[apiToken=" + (apiToken == null ? "<none>" : "******") + ", apiBaseUrl=" + apiBaseUrl
                + ", publicUrl=" + publicUrl + ", encryptionKey=" + (encryptionKey == null ? "<none>" : "******") + ", alerts=" + (alertWebhookUrl == null ? "off" : "on") + ", scope="
                + scope + ", events=" + events + ", checkInterval=" + checkInterval + "]";
    }
}
