package io.github.calendlywebhook.core.audit;

import java.util.List;

/**
 * One page of audit entries, newest first.
 *
 * @param entries the entries of the page
 * @param total how many entries match the query in all
 * @param offset the offset of the page
 * @param limit the page size asked for
 */
public record AuditPage(List<AuditEntry> entries, long total, int offset, int limit) {

    public AuditPage {
        entries = List.copyOf(entries);
    }

    /** Returns whether more matching entries follow this page. */
    public boolean hasMore() {
        return offset + entries.size() < total;
    }
}
