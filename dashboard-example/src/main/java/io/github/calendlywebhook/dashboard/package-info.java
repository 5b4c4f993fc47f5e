/**
 * The real-time consultations dashboard application.
 */
@NullMarked
package io.github.calendlywebhook.dashboard;

import org.jspecify.annotations.NullMarked;
