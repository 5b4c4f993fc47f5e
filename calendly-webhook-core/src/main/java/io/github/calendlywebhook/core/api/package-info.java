/**
 * A small client for the Calendly API v2 and what the library builds on it.
 *
 * <ul>
 *   <li>{@link io.github.calendlywebhook.core.api.CalendlyApiClient}: {@code users/me}, webhook
 *       subscriptions, scheduled events and invitees, sample webhook data; all pages, bounded retries,
 *       token-free errors.</li>
 *   <li>{@link io.github.calendlywebhook.core.api.WebhookSubscriptionManager}: registers the webhook
 *       with a generated signing key (the recommended path), repairs a disabled or retrying
 *       subscription, moves it to a new URL.</li>
 *   <li>{@link io.github.calendlywebhook.core.api.Backfill}: recovers events missed during an outage
 *       into the same store, with the live idempotency keys.</li>
 * </ul>
 *
 * <p>Delivery-health alerts live in {@code io.github.calendlywebhook.core.api.health}.
 */
@NullMarked
package io.github.calendlywebhook.core.api;

import org.jspecify.annotations.NullMarked;
