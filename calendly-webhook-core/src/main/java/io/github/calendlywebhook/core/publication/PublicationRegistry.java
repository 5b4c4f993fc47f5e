package io.github.calendlywebhook.core.publication;

import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.store.internal.JdbcAppendParticipant;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Keeps one publication per (stored event, listener) until the listener returns. The
 * {@link ListenerDispatcher} is its only writer; the read methods serve the admin panel and the health
 * model. Every write that finishes or renews an attempt takes the {@link PublicationClaim} of that
 * attempt and does nothing (returning {@code false}) when the claim is no longer current. Implementations
 * are thread-safe and may be shared by several dispatchers (instances) through a common database;
 * {@code PublicationRegistryComplianceTest} in the test kit checks one.
 */
public interface PublicationRegistry {

    /**
     * Returns a registry that keeps the publications in memory, lost with the process: listeners are
     * retried while it runs, not after a restart. The default with the in-memory event store.
     *
     * @return the registry
     */
    static PublicationRegistry inMemory() {
        return new InMemoryPublicationRegistry();
    }

    /**
     * Returns a registry in table {@code calendly_publication} of an H2 or PostgreSQL database, beside the
     * events of the JDBC event store, which writes the publications in each append transaction (create the
     * store with {@link ListenerDispatcher#jdbcEventStore}). Several instances may share the table.
     *
     * @param dataSource the data source of the event store, whose tables exist
     * @return the registry; the database is first contacted on first use
     */
    static PublicationRegistry jdbc(DataSource dataSource) {
        return JdbcPublicationRegistry.create(dataSource);
    }

    /**
     * Returns the participant that writes the publications inside a {@code JdbcEventStore}'s append
     * transaction, or {@code null} when this registry is written through {@link #create} after the
     * append instead.
     *
     * @param publications supplies, once per transaction, the publications to create per event
     * @return the participant, or {@code null}
     */
    @Nullable JdbcAppendParticipant storeParticipant(Supplier<NewPublications> publications);

    /**
     * Creates the publications of a newly stored event, for registries without a store participant;
     * does nothing for a publication that exists.
     *
     * @param event the stored event
     * @param publications the publications to create
     */
    void create(CalendlyEvent event, NewPublications publications);

    /**
     * Claims due publications of the given listeners: pending or retrying, due at {@code now}, held by no
     * unexpired lease. Each claim counts one attempt and sets a new version; no two concurrent callers
     * claim the same one. Publications of other listeners (one removed, or one that only a newer
     * version of the application has) are left for an instance that has them.
     *
     * @param listenerIds the listeners the caller can run
     * @param owner the claiming instance
     * @param now the current time
     * @param leaseUntil when the claims expire
     * @param limit the most publications to claim
     * @return the claimed publications, oldest due first
     */
    List<ClaimedPublication> claimDue(Collection<String> listenerIds, String owner, Instant now, Instant leaseUntil,
            int limit);

    /**
     * Extends the lease of a running attempt.
     *
     * @param claim the attempt's claim
     * @param leaseUntil the new expiry
     * @return whether the claim was still current
     */
    boolean renew(PublicationClaim claim, Instant leaseUntil);

    /**
     * Completes a publication: its listener returned. The publication is deleted.
     *
     * @param claim the attempt's claim
     * @return whether the claim was still current
     */
    boolean complete(PublicationClaim claim);

    /**
     * Completes a publication soon: its listener returned. The dispatcher calls this one. By default it
     * is {@link #complete}; a registry may instead hold the completion for a moment and write it with
     * other writes, so that completions share transactions. A process that dies before it is written
     * runs the listener again, as if it had died before the listener returned. Reads through this
     * registry never show a held completion's publication as outstanding.
     *
     * @param claim the attempt's claim
     * @return {@code false} when the claim is known to be no longer current
     */
    default boolean completeSoon(PublicationClaim claim) {
        return complete(claim);
    }

    /**
     * Writes the completions {@link #completeSoon} holds; later ones are written at once. Called by
     * {@link ListenerDispatcher#close()}. Does nothing by default.
     */
    default void flushCompletions() {
    }

    /**
     * Records a failed attempt and makes the publication due again.
     *
     * @param claim the attempt's claim
     * @param error the failure
     * @param attemptedAt when the attempt started
     * @param nextAttemptAt when it is due again
     * @return whether the claim was still current
     */
    boolean reschedule(PublicationClaim claim, PublicationError error, Instant attemptedAt, Instant nextAttemptAt);

    /**
     * Records a failed attempt and parks the publication until a retry on demand.
     *
     * @param claim the attempt's claim
     * @param error the failure
     * @param attemptedAt when the attempt started
     * @return whether the claim was still current
     */
    boolean park(PublicationClaim claim, PublicationError error, Instant attemptedAt);

    /**
     * Releases the unexpired claims of an instance whose lease ends before a bound, making their
     * publications due now: called at start-up by an instance whose id survives restarts, since those
     * claims belong to a process that died. The bound is the new process's start plus the lease: every
     * claim the new process takes ends at or after it, so its own first attempts, which may already be
     * running, are left alone.
     *
     * @param owner the instance
     * @param now the current time
     * @param leaseEndsBefore only claims whose lease ends strictly before this instant are released
     * @return how many publications were released
     */
    int release(String owner, Instant now, Instant leaseEndsBefore);

    /**
     * Makes one parked or retrying publication due now (a running one is left alone).
     *
     * @param id the publication id
     * @param now the current time
     * @return whether it was found waiting and made due
     */
    boolean retry(UUID id, Instant now);

    /**
     * Makes every parked publication due now.
     *
     * @param now the current time
     * @return how many were made due
     */
    int retryAllParked(Instant now);

    /** Returns the incomplete publications by status. */
    PublicationCounts counts();

    /**
     * Returns a page of the incomplete publications of a status, oldest first.
     *
     * @param status the status
     * @param page the page number, from 0
     * @param size the page size, from 1
     * @return the page
     */
    PublicationPage list(PublicationStatus status, int page, int size);
}
