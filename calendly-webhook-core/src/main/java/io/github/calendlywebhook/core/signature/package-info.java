/**
 * Verification of the {@code Calendly-Webhook-Signature} header and a signer that produces valid headers.
 */
@NullMarked
package io.github.calendlywebhook.core.signature;

import org.jspecify.annotations.NullMarked;
