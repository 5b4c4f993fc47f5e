/**
 * Admin login, login throttling, security headers and access rules.
 */
@NullMarked
package io.github.calendlywebhook.dashboard.security;

import org.jspecify.annotations.NullMarked;
