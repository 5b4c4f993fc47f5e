/**
 * Micronaut 4 integration: binds {@code calendly.webhook.*} to the core settings, creates the core
 * components as replaceable beans, serves the webhook endpoint and publishes accepted events as
 * Micronaut application events.
 */
@NullMarked
package io.github.calendlywebhook.micronaut;

import org.jspecify.annotations.NullMarked;
