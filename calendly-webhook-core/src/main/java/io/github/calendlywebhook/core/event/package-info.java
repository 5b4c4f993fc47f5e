/**
 * Immutable models of Calendly webhook events and the parser that reads both the current (v2)
 * envelope and the legacy v1 envelope into them.
 */
@NullMarked
package io.github.calendlywebhook.core.event;

import org.jspecify.annotations.NullMarked;
