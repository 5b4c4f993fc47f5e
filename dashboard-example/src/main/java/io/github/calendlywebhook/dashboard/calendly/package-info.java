/**
 * The admin panel's Calendly API features: the account's webhook subscriptions, registering and
 * rotating the webhook with a generated signing key that takes effect at once, backfill after an
 * outage, the scheduled subscription check and delivery-health alerts. The Calendly logic lives in
 * core's {@code api} package; this package only wires it to the dashboard.
 */
@NullMarked
package io.github.calendlywebhook.dashboard.calendly;

import org.jspecify.annotations.NullMarked;
