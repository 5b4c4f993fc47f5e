/**
 * The JSON read API of the dashboard page and the lead endpoint.
 */
@NullMarked
package io.github.calendlywebhook.dashboard.read;

import org.jspecify.annotations.NullMarked;
