/**
 * Encryption of secrets at rest, free of Spring so that it can move to the core library.
 */
@NullMarked
package io.github.calendlywebhook.dashboard.crypto;

import org.jspecify.annotations.NullMarked;
