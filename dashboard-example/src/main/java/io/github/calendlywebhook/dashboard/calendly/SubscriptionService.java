package io.github.calendlywebhook.dashboard.calendly;

import io.github.calendlywebhook.core.api.EnsureResult;
import io.github.calendlywebhook.core.api.SigningKey;
import io.github.calendlywebhook.core.api.SubscriptionScope;
import io.github.calendlywebhook.core.api.SubscriptionState;
import io.github.calendlywebhook.core.api.WebhookSubscription;
import io.github.calendlywebhook.core.api.WebhookSubscriptionManager;
import io.github.calendlywebhook.core.api.health.DeliveryHealthMonitor;
import io.github.calendlywebhook.core.keys.JdbcSigningKeyStore;
import io.github.calendlywebhook.core.keys.RotatingSigningKeys;
import io.github.calendlywebhook.core.keys.StoredSigningKey;
import io.github.calendlywebhook.dashboard.live.ChangeBus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Registers, repairs and rotates the webhook subscription through core's
 * {@code WebhookSubscriptionManager}, stores the generated signing key and makes the endpoint accept
 * it at once, keeping the former key accepted until the subscriptions signed with it are gone. The
 * scheduled check feeds the subscription state to the {@link DeliveryHealthMonitor}; a subscription of
 * this dashboard that no longer exists counts as disabled.
 */
public final class SubscriptionService {

    /** The change announced when signing keys were added or retired; every instance then reloads them. */
    static final String SIGNING_KEYS_CHANGED = "signing-keys";

    /**
     * What a register or rotate did, in words for the admin.
     *
     * @param action what the manager did
     * @param subscription the subscription that now delivers
     * @param deliveryGap whether a backfill is advisable
     */
    public record Change(EnsureResult.Action action, WebhookSubscription subscription, boolean deliveryGap) {
    }

    /**
     * The last scheduled check.
     *
     * @param at when it ran
     * @param watched the subscriptions of this dashboard it saw
     * @param error why it failed, if it did
     */
    public record Check(Instant at, List<WebhookSubscription> watched, @Nullable String error) {
    }

    private final CalendlyAccess access;
    private final CalendlyProperties properties;
    private final JdbcSigningKeyStore repository;
    private final RotatingSigningKeys keys;
    private final DeliveryHealthMonitor monitor;
    private final ChangeBus changes;
    private final Clock clock;
    private final String webhookPath;
    private volatile @Nullable Check lastCheck;

    SubscriptionService(CalendlyAccess access, CalendlyProperties properties, JdbcSigningKeyStore repository,
            RotatingSigningKeys keys, DeliveryHealthMonitor monitor, ChangeBus changes, Clock clock,
            String webhookPath) {
        this.access = access;
        this.properties = properties;
        this.repository = repository;
        this.keys = keys;
        this.monitor = monitor;
        this.changes = changes;
        this.clock = clock;
        this.webhookPath = webhookPath;
    }

    /** Returns whether the API token is configured. */
    public boolean apiEnabled() {
        return access.enabled();
    }

    /** Returns the account's webhook subscriptions in the configured scope. */
    public List<WebhookSubscription> subscriptions() {
        return access.manager().subscriptions(properties.subscriptionScope());
    }

    /** Returns the URIs of the subscriptions signed with a stored or the configured key. */
    public Set<String> ownSubscriptionUris() {
        return repository.all().stream().flatMap(k -> k.subscriptionUris().stream()).collect(Collectors.toSet());
    }

    /** Returns the last scheduled check, if one ran. */
    public Optional<Check> lastCheck() {
        return Optional.ofNullable(lastCheck);
    }

    /**
     * Makes sure a healthy subscription delivers to the endpoint. After a domain change the new URL is
     * registered before the old subscription is removed; a disabled or retrying subscription is replaced
     * the same way, at a rotation variant of the endpoint's URL (see core's
     * {@code WebhookSubscriptionManager}).
     *
     * @param target the endpoint's callback URL
     * @return what was done
     */
    public synchronized Change register(String target) {
        List<WebhookSubscription> before = subscriptions();
        Optional<WebhookSubscription> old = currentSubscription(before)
                .or(() -> before.stream().filter(s -> s.deliversTo(target)).findFirst());
        WebhookSubscriptionManager manager = access.manager();
        SubscriptionScope scope = properties.subscriptionScope();
        if (old.isEmpty() || old.get().deliversTo(target)) {
            return apply(manager.ensure(target, properties.events(), scope), before, Set.of(target));
        }
        String oldUrl = old.get().callbackUrl();
        return apply(manager.changeUrl(oldUrl, target, properties.events(), scope), before, Set.of(target, oldUrl));
    }

    /**
     * Replaces the current subscription by one with a new signing key, without downtime: the new
     * subscription is created first, and the old key stays accepted until the old subscription is gone.
     *
     * @return what was done
     * @throws IllegalStateException when no subscription of this dashboard exists
     */
    public synchronized Change rotate() {
        List<WebhookSubscription> before = subscriptions();
        WebhookSubscription current = currentSubscription(before).orElseThrow(() -> new IllegalStateException(
                "no webhook subscription of this dashboard is known yet: press Register webhook first"));
        EnsureResult result = access.manager().rotate(current.callbackUrl(), properties.events(),
                properties.subscriptionScope());
        return apply(result, before, Set.of(current.callbackUrl()));
    }

    /**
     * Reads the subscription state, raises or clears the delivery-health warning, and retires previous
     * keys whose subscriptions are gone. Never throws.
     */
    public void check() {
        Instant now = clock.instant();
        if (!access.enabled()) {
            return;
        }
        try {
            List<WebhookSubscription> all = subscriptions();
            Set<String> existing = all.stream().map(WebhookSubscription::uri).collect(Collectors.toSet());
            List<StoredSigningKey> stored = repository.all();
            Set<String> own = new HashSet<>();
            stored.forEach(k -> own.addAll(k.subscriptionUris()));
            List<WebhookSubscription> watched = all.stream().filter(s -> own.contains(s.uri())
                    || properties.publicUrl() != null
                            && s.deliversTo(CallbackUrl.of(properties.publicUrl(), webhookPath)))
                    .collect(Collectors.toList());
            List<WebhookSubscription> observed = new ArrayList<>(watched);
            stored.stream().filter(StoredSigningKey::current)
                    .flatMap(k -> k.subscriptionUris().stream()).filter(uri -> !existing.contains(uri))
                    .forEach(uri -> observed.add(gone(uri)));
            monitor.observeSubscriptions(observed);
            for (StoredSigningKey key : stored) {
                if (!key.current() && key.expiresAt() == null
                        && key.subscriptionUris().stream().noneMatch(existing::contains)) {
                    repository.expire(key.id(), now.plus(properties.previousKeyGrace()));
                }
            }
            repository.deleteExpired(now);
            keys.reload();
            lastCheck = new Check(now, watched, null);
        } catch (RuntimeException e) {
            lastCheck = new Check(now, List.of(), Problems.describe(e));
        }
        monitor.evaluate();
    }

    /** Stands for a subscription that no longer exists: nothing is delivered, as when it is disabled. */
    private WebhookSubscription gone(String uri) {
        return new WebhookSubscription(uri, "(deleted) " + uri, SubscriptionState.UNKNOWN, null, List.of(),
                properties.subscriptionScope(), null, null, null, null, null);
    }

    private Optional<WebhookSubscription> currentSubscription(List<WebhookSubscription> all) {
        Set<String> current = repository.all().stream().filter(StoredSigningKey::current)
                .flatMap(k -> k.subscriptionUris().stream()).collect(Collectors.toSet());
        return all.stream().filter(s -> current.contains(s.uri())).findFirst();
    }

    private Change apply(EnsureResult result, List<WebhookSubscription> before, Set<String> urls) {
        Instant now = clock.instant();
        Set<String> own = new HashSet<>();
        repository.all().forEach(k -> own.addAll(k.subscriptionUris()));
        Set<String> removed = result.removed().stream().map(WebhookSubscription::uri).collect(Collectors.toSet());
        Set<String> stillOld = before.stream()
                .filter(s -> own.contains(s.uri()) || urls.stream().anyMatch(s::deliversTo))
                .map(WebhookSubscription::uri)
                .filter(uri -> !removed.contains(uri) && !uri.equals(result.subscription().uri()))
                .collect(Collectors.toSet());
        SigningKey key = result.signingKey();
        if (key != null) {
            repository.install(key.value(), result.subscription().uri(), stillOld,
                    now.plus(properties.previousKeyGrace()), now);
        } else {
            repository.adoptConfigured(result.subscription().uri(), now);
        }
        keys.reload();
        changes.publish(SIGNING_KEYS_CHANGED);
        return new Change(result.action(), result.subscription(), result.deliveryGap());
    }

    @Override
    public String toString() {
        return "SubscriptionService[" + access + "]";
    }
}
