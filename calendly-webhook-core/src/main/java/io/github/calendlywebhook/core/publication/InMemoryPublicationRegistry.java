package io.github.calendlywebhook.core.publication;

import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.store.internal.JdbcAppendParticipant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Publications in memory, lost with the process: listeners are retried while it runs, not after a
 * restart. The default with the in-memory event store, which forgets its events the same way. Every
 * operation holds one lock.
 */
final class InMemoryPublicationRegistry implements PublicationRegistry {

    private static final Comparator<Row> DUE_ORDER = Comparator.comparing((Row row) -> row.nextAttemptAt)
            .thenComparing(row -> row.createdAt).thenComparing(row -> row.id);
    private static final Comparator<Row> AGE_ORDER = Comparator.comparing((Row row) -> row.createdAt)
            .thenComparing(row -> row.id);

    private final Map<UUID, Row> rows = new LinkedHashMap<>();

    @Override
    public @Nullable JdbcAppendParticipant storeParticipant(Supplier<NewPublications> publications) {
        return null;
    }

    @Override
    public synchronized void create(CalendlyEvent event, NewPublications publications) {
        for (String listenerId : publications.listenerIds()) {
            UUID id = Publication.id(event.idempotencyKey(), listenerId);
            rows.putIfAbsent(id, new Row(id, event, listenerId, publications));
        }
    }

    @Override
    public synchronized List<ClaimedPublication> claimDue(Collection<String> listenerIds, String owner, Instant now,
            Instant leaseUntil, int limit) {
        List<Row> due = rows.values().stream().filter(row -> row.parked == null && !row.nextAttemptAt.isAfter(now)
                && !row.leased(now) && listenerIds.contains(row.listenerId)).sorted(DUE_ORDER).limit(limit).toList();
        List<ClaimedPublication> claimed = new ArrayList<>(due.size());
        for (Row row : due) {
            row.owner = owner;
            row.leaseUntil = leaseUntil;
            row.attempts++;
            row.version++;
            claimed.add(new ClaimedPublication(new PublicationClaim(row.id, row.version), row.listenerId, row.attempts,
                    row.createdAt, row.event));
        }
        return claimed;
    }

    @Override
    public synchronized boolean renew(PublicationClaim claim, Instant leaseUntil) {
        Row row = current(claim);
        if (row != null) {
            row.leaseUntil = leaseUntil;
        }
        return row != null;
    }

    @Override
    public synchronized boolean complete(PublicationClaim claim) {
        return current(claim) != null && rows.remove(claim.id()) != null;
    }

    @Override
    public synchronized boolean reschedule(PublicationClaim claim, PublicationError error, Instant attemptedAt,
            Instant nextAttemptAt) {
        Row row = current(claim);
        if (row != null) {
            row.failed(error, attemptedAt);
            row.nextAttemptAt = nextAttemptAt;
        }
        return row != null;
    }

    @Override
    public synchronized boolean park(PublicationClaim claim, PublicationError error, Instant attemptedAt) {
        Row row = current(claim);
        if (row != null) {
            row.failed(error, attemptedAt);
            row.parked = attemptedAt;
        }
        return row != null;
    }

    @Override
    public synchronized int release(String owner, Instant now, Instant leaseEndsBefore) {
        int released = 0;
        for (Row row : rows.values()) {
            if (row.parked == null && owner.equals(row.owner) && row.leased(now)
                    && Objects.requireNonNull(row.leaseUntil).isBefore(leaseEndsBefore)) {
                row.makeDue(now);
                released++;
            }
        }
        return released;
    }

    @Override
    public synchronized boolean retry(UUID id, Instant now) {
        Row row = rows.get(Objects.requireNonNull(id, "id"));
        if (row == null || row.parked == null && row.leased(now)) {
            return false;
        }
        row.makeDue(now);
        return true;
    }

    @Override
    public synchronized int retryAllParked(Instant now) {
        int retried = 0;
        for (Row row : rows.values()) {
            if (row.parked != null) {
                row.makeDue(now);
                retried++;
            }
        }
        return retried;
    }

    @Override
    public synchronized PublicationCounts counts() {
        long[] counts = new long[PublicationStatus.values().length];
        rows.values().forEach(row -> counts[row.status().ordinal()]++);
        return new PublicationCounts(counts[0], counts[1], counts[2]);
    }

    @Override
    public synchronized PublicationPage list(PublicationStatus status, int page, int size) {
        Pages.check(page, size);
        List<Row> matching = rows.values().stream().filter(row -> row.status() == status).sorted(AGE_ORDER).toList();
        List<Publication> items = matching.stream().skip((long) page * size).limit(size).map(Row::view).toList();
        return new PublicationPage(items, page, size, matching.size());
    }

    private @Nullable Row current(PublicationClaim claim) {
        Row row = rows.get(claim.id());
        return row != null && row.version == claim.version() && row.parked == null ? row : null;
    }

    /** One publication's mutable state, guarded by the registry's lock. */
    private static final class Row {

        final UUID id;
        final CalendlyEvent event;
        final String listenerId;
        final Instant createdAt;
        Instant nextAttemptAt;
        int attempts = 1;
        long version = PublicationClaim.FIRST;
        @Nullable String owner;
        @Nullable Instant leaseUntil;
        @Nullable Instant lastAttemptAt;
        @Nullable PublicationError lastError;
        @Nullable Instant parked;

        Row(UUID id, CalendlyEvent event, String listenerId, NewPublications publications) {
            this.id = id;
            this.event = event;
            this.listenerId = listenerId;
            this.createdAt = publications.createdAt();
            this.nextAttemptAt = publications.createdAt();
            this.owner = publications.owner();
            this.leaseUntil = publications.leaseUntil();
        }

        boolean leased(Instant now) {
            return leaseUntil != null && leaseUntil.isAfter(now);
        }

        void failed(PublicationError error, Instant attemptedAt) {
            lastError = error;
            lastAttemptAt = attemptedAt;
            owner = null;
            leaseUntil = null;
        }

        void makeDue(Instant now) {
            parked = null;
            nextAttemptAt = now;
            owner = null;
            leaseUntil = null;
            version++;
        }

        PublicationStatus status() {
            return parked != null ? PublicationStatus.PARKED
                    : lastError != null ? PublicationStatus.RETRYING : PublicationStatus.PENDING;
        }

        Publication view() {
            return new Publication(id, event.idempotencyKey(), event.name(), listenerId, status(), attempts, createdAt,
                    parked != null ? null : nextAttemptAt, lastAttemptAt, lastError);
        }
    }
}
