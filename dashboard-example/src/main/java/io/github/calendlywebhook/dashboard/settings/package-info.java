/**
 * Revenue and display settings stored in the database.
 */
@NullMarked
package io.github.calendlywebhook.dashboard.settings;

import org.jspecify.annotations.NullMarked;
