package io.github.calendlywebhook.core.api;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one healthy Calendly webhook subscription per callback endpoint.
 *
 * <p>{@link #ensure} is idempotent: it keeps an active subscription at the endpoint that covers the
 * events and has no retries pending; otherwise it creates one with a freshly generated
 * {@link SigningKey} and returns that key, which the caller must store because Calendly never shows it
 * again.
 *
 * <p><b>Replacement order.</b> A disabled subscription, one with {@code retry_started_at} set, or one
 * missing events is replaced by <em>creating the new subscription first and deleting the old one
 * afterwards</em>, so there is no moment without a subscription; {@link #rotate} replaces a healthy one
 * the same way to change its signing key. Calendly refuses two subscriptions with the same URL for one
 * user, so a replacement at the same endpoint is registered at a variant of the URL with a
 * {@code rotation=<epoch second>} query parameter, which the endpoint ignores; every method here treats
 * the variants of a URL as one endpoint ({@link WebhookSubscription#deliversTo}). Should Calendly still
 * answer 409, the only possible order is to delete the old subscription and then create the new one;
 * the result then reports {@link EnsureResult#deliveryGap()} so the caller runs a {@link Backfill} over
 * the gap. {@link #changeUrl} registers the new endpoint before removing the old one.
 *
 * <p>A replaced subscription that cannot be deleted after its successor exists is logged and left for
 * the next call, so the new key is never lost; disabled leftovers beside a healthy subscription at the
 * endpoint are deleted by {@link #ensure}.
 *
 * <p>Callback URLs must use HTTPS; plain HTTP is accepted only for loopback addresses.
 */
public final class WebhookSubscriptionManager {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSubscriptionManager.class);

    private final CalendlyApiClient client;
    private final SecureRandom random;
    private final Clock clock;

    private WebhookSubscriptionManager(CalendlyApiClient client, SecureRandom random, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Returns a manager using the given client, a new {@link SecureRandom} and the system clock.
     *
     * @param client the API client
     * @return the manager
     */
    public static WebhookSubscriptionManager create(CalendlyApiClient client) {
        return new WebhookSubscriptionManager(client, new SecureRandom(), Clock.systemUTC());
    }

    /**
     * Returns a manager using the given client and source of signing keys, and the system clock.
     *
     * @param client the API client
     * @param random the source of signing keys
     * @return the manager
     */
    public static WebhookSubscriptionManager create(CalendlyApiClient client, SecureRandom random) {
        return new WebhookSubscriptionManager(client, random, Clock.systemUTC());
    }

    /**
     * Returns a manager using the given client, source of signing keys, and clock (whose epoch second
     * marks the URL variant of a replacement).
     *
     * @param client the API client
     * @param random the source of signing keys
     * @param clock the clock
     * @return the manager
     */
    public static WebhookSubscriptionManager create(CalendlyApiClient client, SecureRandom random, Clock clock) {
        return new WebhookSubscriptionManager(client, random, clock);
    }

    /**
     * Lists the subscriptions of the token's user or organization.
     *
     * @param scope {@link SubscriptionScope#ORGANIZATION} or {@link SubscriptionScope#USER}
     * @return the subscriptions, in Calendly's order
     */
    public List<WebhookSubscription> subscriptions(SubscriptionScope scope) {
        return list(client.currentUser(), requireSupported(scope));
    }

    /**
     * Lists the subscriptions delivering to the endpoint of one callback URL (the URL or a rotation
     * variant of it), for a scheduled health check ({@code DeliveryHealthMonitor#observeSubscriptions}).
     *
     * @param callbackUrl the callback URL
     * @param scope {@link SubscriptionScope#ORGANIZATION} or {@link SubscriptionScope#USER}
     * @return the subscriptions at that endpoint
     */
    public List<WebhookSubscription> subscriptions(String callbackUrl, SubscriptionScope scope) {
        return atUrl(client.currentUser(), requireSupported(scope), callbackUrl);
    }

    /**
     * Makes sure a healthy subscription delivers the events to the endpoint of the callback URL. A
     * replacement is created at the URL itself when no subscription uses it, else at a rotation variant.
     *
     * @param callbackUrl where Calendly should deliver; https, or http to a loopback address
     * @param events the event names, at least one
     * @param scope {@link SubscriptionScope#ORGANIZATION} or {@link SubscriptionScope#USER}
     * @return what was done, with the signing key when a subscription was created
     * @throws IllegalArgumentException for an unsafe callback URL, no events or an unsupported scope
     * @throws CalendlyApiException when Calendly refuses or fails
     */
    public EnsureResult ensure(String callbackUrl, Collection<String> events, SubscriptionScope scope) {
        CallbackUrls.requireSafe(callbackUrl);
        List<String> wanted = requireEvents(events);
        requireSupported(scope);
        CurrentUser me = client.currentUser();
        List<WebhookSubscription> atUrl = atUrl(me, scope, callbackUrl);
        Optional<WebhookSubscription> healthy = atUrl.stream()
                .filter(s -> s.healthy() && s.covers(wanted))
                .findFirst();
        if (healthy.isPresent()) {
            List<WebhookSubscription> disabled = atUrl.stream()
                    .filter(s -> s.state() != SubscriptionState.ACTIVE)
                    .collect(Collectors.toList());
            return new EnsureResult(healthy.get(), EnsureResult.Action.UNCHANGED, null, deleteReplaced(disabled),
                    false);
        }
        EnsureResult.Action action = atUrl.isEmpty() ? EnsureResult.Action.CREATED : EnsureResult.Action.REPAIRED;
        return replace(me, scope, freeVariant(callbackUrl, atUrl), wanted, atUrl, action);
    }

    /**
     * Replaces every subscription at the endpoint of the callback URL by a new one with a freshly
     * generated signing key, created first (at a rotation variant of the URL) and the old ones deleted
     * afterwards. Until the old subscriptions are gone, deliveries may come signed with either key.
     *
     * @param callbackUrl the endpoint's callback URL; https, or http to a loopback address
     * @param events the event names, at least one
     * @param scope {@link SubscriptionScope#ORGANIZATION} or {@link SubscriptionScope#USER}
     * @return the new subscription with its signing key, and the removed ones
     * @throws IllegalArgumentException for an unsafe callback URL, no events or an unsupported scope
     * @throws CalendlyApiException when Calendly refuses or fails
     */
    public EnsureResult rotate(String callbackUrl, Collection<String> events, SubscriptionScope scope) {
        CallbackUrls.requireSafe(callbackUrl);
        List<String> wanted = requireEvents(events);
        requireSupported(scope);
        CurrentUser me = client.currentUser();
        List<WebhookSubscription> atUrl = atUrl(me, scope, callbackUrl);
        return replace(me, scope, freeVariant(callbackUrl, atUrl), wanted, atUrl, EnsureResult.Action.ROTATED);
    }

    /**
     * Moves delivery to a new endpoint: makes sure the new URL has a healthy subscription first, then
     * deletes every subscription at the old endpoint.
     *
     * @param oldUrl the URL to stop delivering to
     * @param newUrl the URL to deliver to; https, or http to a loopback address
     * @param events the event names, at least one
     * @param scope {@link SubscriptionScope#ORGANIZATION} or {@link SubscriptionScope#USER}
     * @return the subscription at the new URL, with its signing key when created, and the removed ones
     * @throws IllegalArgumentException when both URLs reach the same endpoint (use {@link #ensure} or
     *     {@link #rotate}), for an unsafe URL, no events or an unsupported scope
     */
    public EnsureResult changeUrl(String oldUrl, String newUrl, Collection<String> events,
            SubscriptionScope scope) {
        if (CallbackUrls.sameEndpoint(oldUrl, newUrl)) {
            throw new IllegalArgumentException("the new callback URL reaches the old endpoint: " + newUrl);
        }
        EnsureResult atNew = ensure(newUrl, events, scope);
        List<WebhookSubscription> removed = new ArrayList<>(atNew.removed());
        removed.addAll(deleteReplaced(atUrl(client.currentUser(), scope, oldUrl)));
        return new EnsureResult(atNew.subscription(), EnsureResult.Action.MOVED, atNew.signingKey(), removed,
                atNew.deliveryGap());
    }

    private EnsureResult replace(CurrentUser me, SubscriptionScope scope, String url, List<String> events,
            List<WebhookSubscription> old, EnsureResult.Action action) {
        SigningKey key = SigningKey.generate(random);
        NewWebhookSubscription request = new NewWebhookSubscription(url, events, me.organization(),
                scope == SubscriptionScope.USER ? me.uri() : null, null, scope, key.value());
        WebhookSubscription created;
        try {
            created = client.createWebhookSubscription(request);
        } catch (CalendlyApiException e) {
            if (!CalendlyApiException.CONFLICT.equals(e.code()) || old.isEmpty()) {
                throw e;
            }
            old.forEach(subscription -> client.deleteWebhookSubscription(subscription.uri()));
            return new EnsureResult(client.createWebhookSubscription(request), action, key, old, true);
        }
        return new EnsureResult(created, action, key, deleteReplaced(old), false);
    }

    /**
     * Deletes the replaced subscriptions once their successor exists. A failure here must not lose the
     * new signing key, so it is logged and the subscription is left out of the removed ones; the next
     * {@link #ensure} or {@link #changeUrl} call deletes it.
     */
    private List<WebhookSubscription> deleteReplaced(List<WebhookSubscription> old) {
        List<WebhookSubscription> removed = new ArrayList<>();
        for (WebhookSubscription subscription : old) {
            try {
                client.deleteWebhookSubscription(subscription.uri());
                removed.add(subscription);
            } catch (CalendlyApiException e) {
                LOG.warn("could not delete the replaced webhook subscription {} ({}); it is retried on the next "
                        + "call", subscription.uri(), e.code());
            }
        }
        return removed;
    }

    private List<WebhookSubscription> atUrl(CurrentUser me, SubscriptionScope scope, String url) {
        return list(me, scope).stream()
                .filter(s -> s.deliversTo(url))
                .collect(Collectors.toList());
    }

    /** Returns the URL when no subscription uses it exactly, else a rotation variant of it. */
    private String freeVariant(String url, List<WebhookSubscription> atEndpoint) {
        boolean taken = atEndpoint.stream().anyMatch(s -> s.callbackUrl().equals(url));
        return taken ? CallbackUrls.rotated(url, clock.instant()) : url;
    }

    private List<WebhookSubscription> list(CurrentUser me, SubscriptionScope scope) {
        boolean user = scope == SubscriptionScope.USER;
        return client.webhookSubscriptions(me.organization(), user ? me.uri() : null, scope).stream()
                .filter(s -> s.scope() == scope && (!user || me.uri().equals(s.user())))
                .collect(Collectors.toList());
    }

    private static List<String> requireEvents(Collection<String> events) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (String event : events) {
            if (event == null || event.isBlank()) {
                throw new IllegalArgumentException("event names must not be blank");
            }
            names.add(event);
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("name at least one event, for example invitee.created");
        }
        return List.copyOf(names);
    }

    private static SubscriptionScope requireSupported(SubscriptionScope scope) {
        if (scope == SubscriptionScope.GROUP) {
            throw new IllegalArgumentException("group subscriptions are not managed; use organization or user");
        }
        return scope;
    }

    @Override
    public String toString() {
        return "WebhookSubscriptionManager[" + client + "]";
    }
}
