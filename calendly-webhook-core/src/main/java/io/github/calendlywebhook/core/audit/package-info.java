/**
 * The audit log SPI: one entry for every delivery outcome.
 */
@NullMarked
package io.github.calendlywebhook.core.audit;

import org.jspecify.annotations.NullMarked;
