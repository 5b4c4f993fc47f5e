package io.github.calendlywebhook.core.api;

import io.github.calendlywebhook.core.audit.AuditEntry;
import io.github.calendlywebhook.core.audit.AuditLog;
import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.event.CalendlyEventParser;
import io.github.calendlywebhook.core.event.MalformedPayloadException;
import io.github.calendlywebhook.core.store.AppendResult;
import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.StoreUnavailableException;
import io.github.calendlywebhook.core.store.StoredEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovers events missed while webhooks were not delivered, from the Calendly API.
 *
 * <p>For every scheduled event starting in the range (active and canceled) and every invitee of it,
 * the backfill rebuilds the v2 bodies live deliveries carry ({@code invitee.created} for every invitee,
 * {@code invitee.canceled} for canceled ones with {@code rescheduled} and {@code new_invitee} as
 * Calendly reports them, {@code invitee_no_show.created} for marked no-shows), parses them with the
 * same {@link CalendlyEventParser} as live deliveries and appends them to the same store with
 * {@link EventSource#BACKFILL}. The idempotency keys are the live ones (event name and invitee URI), so
 * events that were delivered are reported as duplicates and nothing is counted twice; running it again
 * changes nothing. Each appended event gets an audit entry marked {@link EventSource#BACKFILL}.
 *
 * <p>Calendly filters scheduled events by start time, not by booking time: to recover bookings made
 * during an outage, the range must reach as far into the future as meetings can be booked.
 */
public final class Backfill {

    private static final Logger LOG = LoggerFactory.getLogger(Backfill.class);

    private final CalendlyApiClient client;
    private final EventStore store;
    private final AuditLog auditLog;
    private final CalendlyEventParser parser;
    private final Clock clock;
    private final SubscriptionScope scope;

    private Backfill(Builder builder, EventStore store) {
        this.client = builder.client;
        this.store = store;
        this.auditLog = builder.auditLog;
        this.parser = builder.parser;
        this.clock = builder.clock;
        this.scope = builder.scope;
    }

    /**
     * Returns a builder.
     *
     * @param client the API client
     * @return the builder
     */
    public static Builder builder(CalendlyApiClient client) {
        return new Builder(client);
    }

    /**
     * Backfills the meetings starting in {@code [from, to)}.
     *
     * @param from the earliest start time, inclusive
     * @param to the latest start time, exclusive
     * @param progress receives progress after each scheduled event
     * @return the counts
     * @throws CalendlyApiException when Calendly refuses or fails
     * @throws StoreUnavailableException when the store fails; events stored before stay stored
     */
    public BackfillSummary run(Instant from, Instant to, BackfillProgress progress) {
        CurrentUser me = client.currentUser();
        ScheduledEventQuery query = scope == SubscriptionScope.ORGANIZATION
                ? new ScheduledEventQuery(me.organization(), null, from, to, null)
                : new ScheduledEventQuery(null, me.uri(), from, to, null);
        List<CalendlyScheduledEvent> events = client.scheduledEvents(query);
        Counts counts = new Counts();
        for (int i = 0; i < events.size(); i++) {
            CalendlyScheduledEvent event = events.get(i);
            counts.scheduledEvents++;
            for (CalendlyInvitee invitee : client.invitees(event.uri())) {
                counts.invitees++;
                for (byte[] body : SyntheticDeliveries.of(me.uri(), event, invitee)) {
                    append(body, counts);
                }
            }
            progress.onProgress(i + 1, events.size(), counts.summary());
        }
        BackfillSummary summary = counts.summary();
        LOG.info("Calendly backfill {} to {}: {}", from, to, summary);
        return summary;
    }

    /**
     * Backfills the meetings starting in {@code [from, to)} without progress reports.
     *
     * @param from the earliest start time, inclusive
     * @param to the latest start time, exclusive
     * @return the counts
     */
    public BackfillSummary run(Instant from, Instant to) {
        return run(from, to, BackfillProgress.none());
    }

    private void append(byte[] body, Counts counts) {
        counts.scanned++;
        CalendlyEvent event;
        try {
            event = parser.parse(body);
        } catch (MalformedPayloadException e) {
            counts.unreadable++;
            audit(Outcome.MALFORMED_PAYLOAD, null, e.getMessage());
            return;
        }
        AppendResult result;
        try {
            result = store.append(StoredEvent.of(event, body, clock.instant(), EventSource.BACKFILL));
        } catch (StoreUnavailableException e) {
            audit(Outcome.STORE_UNAVAILABLE, event, "backfill stopped: " + e.getMessage());
            throw e;
        }
        if (result == AppendResult.STORED) {
            counts.stored++;
            audit(Outcome.ACCEPTED, event, "backfill");
        } else {
            counts.duplicates++;
            audit(Outcome.DUPLICATE, event, "backfill");
        }
    }

    private void audit(Outcome outcome, @Nullable CalendlyEvent event, @Nullable String detail) {
        try {
            auditLog.record(AuditEntry.delivery(clock.instant(), outcome, null, event == null ? null : event.name(),
                    event == null ? null : event.idempotencyKey(), detail, null, EventSource.BACKFILL));
        } catch (RuntimeException e) {
            LOG.warn("audit log failed during backfill: {}", e.toString());
        }
    }

    private static final class Counts {
        int scheduledEvents;
        int invitees;
        int scanned;
        int stored;
        int duplicates;
        int unreadable;

        BackfillSummary summary() {
            return new BackfillSummary(scheduledEvents, invitees, scanned, stored, duplicates, unreadable);
        }
    }

    /** Builds a {@link Backfill}; the store is required. */
    public static final class Builder {

        private final CalendlyApiClient client;
        private @Nullable EventStore store;
        private AuditLog auditLog = AuditLog.discarding();
        private CalendlyEventParser parser = CalendlyEventParser.create();
        private Clock clock = Clock.systemUTC();
        private SubscriptionScope scope = SubscriptionScope.ORGANIZATION;

        private Builder(CalendlyApiClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /**
         * Sets the store live deliveries are written to.
         *
         * @param store the store
         * @return this builder
         */
        public Builder store(EventStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Sets the audit log; default discards.
         *
         * @param auditLog the audit log
         * @return this builder
         */
        public Builder auditLog(AuditLog auditLog) {
            this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
            return this;
        }

        /**
         * Sets the parser, which should be configured like the live one.
         *
         * @param parser the parser
         * @return this builder
         */
        public Builder parser(CalendlyEventParser parser) {
            this.parser = Objects.requireNonNull(parser, "parser");
            return this;
        }

        /**
         * Sets the clock for receive times and audit entries.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets whose meetings are read: the organization's (default, needs an admin token) or the
         * token user's own.
         *
         * @param scope {@link SubscriptionScope#ORGANIZATION} or {@link SubscriptionScope#USER}
         * @return this builder
         */
        public Builder scope(SubscriptionScope scope) {
            if (Objects.requireNonNull(scope, "scope") == SubscriptionScope.GROUP) {
                throw new IllegalArgumentException("backfill reads organization or user meetings, not groups");
            }
            this.scope = scope;
            return this;
        }

        /**
         * Returns the backfill.
         *
         * @return the backfill
         * @throws IllegalStateException when no store was set
         */
        public Backfill build() {
            if (store == null) {
                throw new IllegalStateException("a backfill needs the store live deliveries are written to");
            }
            return new Backfill(this, store);
        }
    }
}
