package io.github.calendlywebhook.core.api;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link CalendlyApiClient#createWebhookSubscription(NewWebhookSubscription)} sends. The signing
 * key never appears in {@link #toString()}.
 *
 * @param url the callback URL
 * @param events the event names, at least one
 * @param organization the organization URI
 * @param user the user URI; required for user scope
 * @param group the group URI; required for group scope
 * @param scope whose events to deliver
 * @param signingKey the key Calendly signs deliveries with, if any
 */
public record NewWebhookSubscription(String url, List<String> events, String organization, @Nullable String user,
        @Nullable String group, SubscriptionScope scope, @Nullable String signingKey) {

    public NewWebhookSubscription {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(scope, "scope");
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("events must name at least one event");
        }
        if (scope == SubscriptionScope.USER && user == null) {
            throw new IllegalArgumentException("user scope needs the user URI");
        }
        if (scope == SubscriptionScope.GROUP && group == null) {
            throw new IllegalArgumentException("group scope needs the group URI");
        }
    }

    @Override
    public String toString() {
        return "NewWebhookSubscription[url=" + url + ", events=" + events + ", organization=" + organization
                + ", user=" + user + ", group=" + group + ", scope=" + scope + ", signingKey="
                + (signingKey == null ? "none" : "****") + "]";
    }
}
