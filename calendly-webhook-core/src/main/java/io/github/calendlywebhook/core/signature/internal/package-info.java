/**
 * Command-line tooling around signatures; not part of the library API.
 */
@NullMarked
package io.github.calendlywebhook.core.signature.internal;

import org.jspecify.annotations.NullMarked;
