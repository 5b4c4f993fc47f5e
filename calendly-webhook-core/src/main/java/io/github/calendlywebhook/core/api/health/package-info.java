/**
 * Delivery-health alerting: watches the delivery health model of
 * {@link io.github.calendlywebhook.core.health} and the Calendly subscription state, and posts an alert
 * (Slack-compatible) when delivery degrades and once when it recovers.
 */
@NullMarked
package io.github.calendlywebhook.core.api.health;

import org.jspecify.annotations.NullMarked;
