/**
 * The admin panel: Test Webhook, audit log, delivery health and settings.
 */
@NullMarked
package io.github.calendlywebhook.dashboard.admin;

import org.jspecify.annotations.NullMarked;
