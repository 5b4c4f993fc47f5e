/**
 * Configuration of the dashboard: properties, generated development secrets, production checks.
 */
@NullMarked
package io.github.calendlywebhook.dashboard.config;

import org.jspecify.annotations.NullMarked;
