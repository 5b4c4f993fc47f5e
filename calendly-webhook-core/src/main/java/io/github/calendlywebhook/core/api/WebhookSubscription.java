package io.github.calendlywebhook.core.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Calendly webhook subscription. The signing key is write-only in Calendly and never part of it.
 *
 * @param uri the subscription URI, its identity
 * @param callbackUrl where Calendly delivers ({@code callback_url}; sent as {@code url} on creation)
 * @param state whether Calendly delivers
 * @param retryStartedAt when Calendly last had to start retrying a delivery, if ever
 * @param events the subscribed event names
 * @param scope whose events it covers
 * @param organization the organization URI
 * @param user the user URI, for user scope
 * @param creator the URI of the user that created it, if sent
 * @param createdAt when it was created, if sent
 * @param updatedAt when it last changed, if sent
 */
public record WebhookSubscription(String uri, String callbackUrl, SubscriptionState state,
        @Nullable Instant retryStartedAt, List<String> events, SubscriptionScope scope, @Nullable String organization,
        @Nullable String user, @Nullable String creator, @Nullable Instant createdAt, @Nullable Instant updatedAt) {

    public WebhookSubscription {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(scope, "scope");
        events = List.copyOf(events);
    }

    /** Returns the last path segment of the URI, as used in {@code /webhook_subscriptions/{uuid}}. */
    public String uuid() {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    /** Returns whether Calendly delivers to it without having had to retry: active and no retry started. */
    public boolean healthy() {
        return state == SubscriptionState.ACTIVE && retryStartedAt == null;
    }

    /** Returns whether Calendly is retrying failed deliveries (active with {@code retry_started_at} set). */
    public boolean retrying() {
        return state == SubscriptionState.ACTIVE && retryStartedAt != null;
    }

    /**
     * Returns whether it subscribes to every given event.
     *
     * @param required the event names
     * @return whether all are covered
     */
    public boolean covers(java.util.Collection<String> required) {
        return events.containsAll(required);
    }

    /**
     * Returns whether it delivers to the endpoint of the URL: the same URL, or a rotation variant of
     * it (the {@code rotation} query parameter that {@link WebhookSubscriptionManager} adds when it
     * replaces a subscription at the same endpoint).
     *
     * @param endpointUrl a callback URL
     * @return whether both reach the same endpoint
     */
    public boolean deliversTo(String endpointUrl) {
        return CallbackUrls.sameEndpoint(callbackUrl, endpointUrl);
    }
}
