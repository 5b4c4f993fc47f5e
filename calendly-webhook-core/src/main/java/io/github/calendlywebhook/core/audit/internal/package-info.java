/**
 * Internal: the audit log wrapper the processor installs around every {@code AuditLog}. Public only so
 * the pipeline can reach it; not part of the API, and it may change in any release.
 */
@NullMarked
package io.github.calendlywebhook.core.audit.internal;

import org.jspecify.annotations.NullMarked;
