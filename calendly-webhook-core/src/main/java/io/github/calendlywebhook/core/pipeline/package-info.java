/**
 * The framework-neutral request, response and the processor that runs the checks in order.
 */
@NullMarked
package io.github.calendlywebhook.core.pipeline;

import org.jspecify.annotations.NullMarked;
