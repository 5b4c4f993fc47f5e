/**
 * Webhook signing keys created through the Calendly API: a JDBC store with rotation
 * ({@link io.github.calendlywebhook.core.keys.JdbcSigningKeyStore}), optional AES-GCM encryption at rest
 * ({@link io.github.calendlywebhook.core.keys.SecretCipher}), and the
 * {@link io.github.calendlywebhook.core.signature.SigningKeys} a webhook processor reads them through
 * ({@link io.github.calendlywebhook.core.keys.RotatingSigningKeys}).
 */
@NullMarked
package io.github.calendlywebhook.core.keys;

import org.jspecify.annotations.NullMarked;
