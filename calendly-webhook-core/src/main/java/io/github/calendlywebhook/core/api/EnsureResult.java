package io.github.calendlywebhook.core.api;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link WebhookSubscriptionManager} did to make the subscription deliver.
 *
 * @param subscription the subscription that now delivers
 * @param action what was done
 * @param signingKey the key of a newly created subscription, to be stored now because Calendly never shows
 *     it again; {@code null} when an existing subscription was kept
 * @param removed the subscriptions that were deleted
 * @param deliveryGap whether an old subscription had to be deleted before its replacement could be created
 *     (Calendly refuses two subscriptions with the same URL for one user), so events of that moment may be
 *     missing and a backfill is advisable
 */
public record EnsureResult(WebhookSubscription subscription, Action action, @Nullable SigningKey signingKey,
        List<WebhookSubscription> removed, boolean deliveryGap) {

    /** What was done. */
    public enum Action {
        /** A healthy subscription covering the events already existed; nothing changed. */
        UNCHANGED,
        /** No subscription existed for the URL; one was created. */
        CREATED,
        /** A disabled, retrying or incomplete subscription was replaced. */
        REPAIRED,
        /** The subscription was moved to a new URL. */
        MOVED,
        /** A healthy subscription was replaced by one with a new signing key. */
        ROTATED
    }

    public EnsureResult {
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(action, "action");
        removed = List.copyOf(removed);
        if (action != Action.UNCHANGED && action != Action.MOVED && signingKey == null) {
            throw new IllegalArgumentException("a created subscription needs its signing key");
        }
    }

    /** Returns whether a subscription was created, so {@link #signingKey()} must be stored. */
    public boolean created() {
        return signingKey != null;
    }
}
