package io.github.calendlywebhook.core.audit;

import io.github.calendlywebhook.core.delivery.Outcome;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A filter and page over the audit log; entries come newest first. Every filter is optional.
 *
 * @param from the earliest entry time, inclusive
 * @param to the latest entry time, exclusive
 * @param outcome only deliveries with this outcome
 * @param action only entries with this action code
 * @param eventName only entries about this event name
 * @param offset how many matching entries to skip
 * @param limit the page size, 1 to {@value #MAX_LIMIT}
 */
public record AuditQuery(@Nullable Instant from, @Nullable Instant to, @Nullable Outcome outcome,
        @Nullable String action, @Nullable String eventName, int offset, int limit) {

    /** The largest page. */
    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    /**
     * Returns the newest entries without filters.
     *
     * @param limit the page size
     * @return the query
     */
    public static AuditQuery latest(int limit) {
        return new AuditQuery(null, null, null, null, null, 0, limit);
    }

    /** Returns a builder starting from the first page of 50 unfiltered entries. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns whether an entry passes the filters (not the paging).
     *
     * @param entry the entry
     * @return {@code true} when it matches
     */
    public boolean matches(AuditEntry entry) {
        return (from == null || !entry.at().isBefore(from)) && (to == null || entry.at().isBefore(to))
                && (outcome == null || outcome == entry.outcome()) && (action == null || action.equals(entry.action()))
                && (eventName == null || eventName.equals(entry.eventName()));
    }

    /** Builds an {@link AuditQuery}; each setter validates what it can on its own. */
    public static final class Builder {

        private @Nullable Instant from;
        private @Nullable Instant to;
        private @Nullable Outcome outcome;
        private @Nullable String action;
        private @Nullable String eventName;
        private int offset;
        private int limit = 50;

        private Builder() {
        }

        /** Sets the earliest entry time, inclusive. */
        public Builder from(@Nullable Instant value) {
            this.from = value;
            return this;
        }

        /** Sets the latest entry time, exclusive. */
        public Builder to(@Nullable Instant value) {
            this.to = value;
            return this;
        }

        /** Keeps only deliveries with this outcome. */
        public Builder outcome(@Nullable Outcome value) {
            this.outcome = value;
            return this;
        }

        /** Keeps only entries with this action code. */
        public Builder action(@Nullable String value) {
            this.action = value;
            return this;
        }

        /** Keeps only entries about this event name. */
        public Builder eventName(@Nullable String value) {
            this.eventName = value;
            return this;
        }

        /** Sets the page: entries to skip and the page size. */
        public Builder page(int offsetValue, int limitValue) {
            if (offsetValue < 0 || limitValue < 1 || limitValue > MAX_LIMIT) {
                throw new IllegalArgumentException("offset must be >= 0 and limit between 1 and " + MAX_LIMIT);
            }
            this.offset = offsetValue;
            this.limit = limitValue;
            return this;
        }

        /** Returns the query. */
        public AuditQuery build() {
            return new AuditQuery(from, to, outcome, action, eventName, offset, limit);
        }
    }
}
