package io.github.calendlywebhook.dashboard.admin;

import io.github.calendlywebhook.core.audit.AuditEntry;

/**
 * A stored audit entry with its id.
 *
 * @param id the id, increasing with time
 * @param entry the entry
 */
public record AuditRecord(long id, AuditEntry entry) {
}
