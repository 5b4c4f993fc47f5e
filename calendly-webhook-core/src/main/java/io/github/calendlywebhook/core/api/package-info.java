/**
 * A small client for the Calendly API v2.
 */
@NullMarked
package io.github.calendlywebhook.core.api;

import org.jspecify.annotations.NullMarked;
