/**
 * Internal: the JDBC hooks the stores and the publication registry share across packages. Public only
 * for that; not part of the API, and it may change in any release.
 */
@NullMarked
package io.github.calendlywebhook.core.store.internal;

import org.jspecify.annotations.NullMarked;
