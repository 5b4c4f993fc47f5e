/**
 * Token-bucket rate limiting with several limits per key and bounded memory.
 */
@NullMarked
package io.github.calendlywebhook.core.ratelimit;

import org.jspecify.annotations.NullMarked;
