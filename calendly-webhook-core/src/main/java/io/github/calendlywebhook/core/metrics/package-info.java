/**
 * The dashboard numbers computed from maintained counters, and the Micrometer binder.
 */
@NullMarked
package io.github.calendlywebhook.core.metrics;

import org.jspecify.annotations.NullMarked;
