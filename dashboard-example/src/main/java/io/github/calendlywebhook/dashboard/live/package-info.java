/**
 * Live updates: the Server-Sent Events hub and the change notifications shared by instances.
 */
@NullMarked
package io.github.calendlywebhook.dashboard.live;

import org.jspecify.annotations.NullMarked;
