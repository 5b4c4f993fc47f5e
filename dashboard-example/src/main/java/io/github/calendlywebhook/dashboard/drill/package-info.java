/** A listener for recovery drills, off unless configured: it proves that listeners run at least once. */
@NullMarked
package io.github.calendlywebhook.dashboard.drill;

import org.jspecify.annotations.NullMarked;
