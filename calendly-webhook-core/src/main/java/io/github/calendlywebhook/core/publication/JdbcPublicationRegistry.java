package io.github.calendlywebhook.core.publication;

import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.store.internal.JdbcAppendParticipant;
import io.github.calendlywebhook.core.store.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publications in table {@code calendly_publication} of an H2 or PostgreSQL database, beside the
 * events of a {@code JdbcEventStore}: the store writes them in each append transaction through
 * {@link #storeParticipant(Supplier)}, so an event is never stored without its publications. Several
 * instances may share the table; see {@link #claimDue} for how they divide the work. The table comes
 * from {@code db/calendly/<database>/V2__calendly_publication.sql} (Flyway) or
 * {@code JdbcSchema.create(dataSource)}. Failures throw {@code StoreUnavailableException}.
 *
 * <p>{@link #completeSoon} holds completions for a moment instead of committing each: the next append
 * transaction deletes them with its own rows, and a writer thread deletes what is left after
 * {@link #COMPLETION_DELAY}. Under load, completing a listener's publication then costs no commit of its
 * own (on H2 with {@code WRITE_DELAY=0}, no write to the file). Reads of the table write the held
 * completions first, and wait for the transactions that are deleting others, so they never show a
 * returned listener's publication as outstanding.
 */
final class JdbcPublicationRegistry implements PublicationRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcPublicationRegistry.class);
    private static final String INSERT = "INSERT INTO calendly_publication (id, event_key, listener_id, state,"
            + " attempts, version, created_at, next_attempt_at, lease_owner, lease_until) VALUES (?, ?, ?, 'PENDING', 1, "
            + PublicationClaim.FIRST + ", ?, ?, ?, ?)";
    private static final String CURRENT = " WHERE id = ? AND version = ? AND state = 'PENDING'";
    private static final String COMPLETE = "DELETE FROM calendly_publication" + CURRENT;
    /** How long a completion waits for an append transaction before the writer thread deletes it. */
    static final Duration COMPLETION_DELAY = Duration.ofMillis(10);
    /** The most held completions one transaction deletes. */
    private static final int MAX_COMPLETIONS = 256;
    private static final String FAILED = "UPDATE calendly_publication SET last_error_type = ?, last_error_message = ?,"
            + " last_attempt_at = ?, lease_owner = NULL, lease_until = NULL, ";
    private static final String DUE_NOW = "UPDATE calendly_publication SET state = 'PENDING', next_attempt_at = ?,"
            + " lease_owner = NULL, lease_until = NULL, version = version + 1 WHERE ";

    private final JdbcSupport jdbc;
    private final JdbcPublicationClaims claims;
    private final long completionDelayNanos;
    /** Completions to write: the listener returned, the row is still there. */
    private final ConcurrentLinkedQueue<PublicationClaim> held = new ConcurrentLinkedQueue<>();
    /** The held completions the current thread's append transaction deletes, until it ends. */
    private final ThreadLocal<@Nullable Taken> deleting = new ThreadLocal<>();
    /** Every transaction deleting held completions, append or writer, until it ends. */
    private final Set<Taken> taking = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean writeScheduled = new AtomicBoolean();
    private final ScheduledThreadPoolExecutor writer;
    private volatile boolean flushed;

    private JdbcPublicationRegistry(DataSource dataSource, Duration completionDelay) {
        this.jdbc = new JdbcSupport(dataSource);
        this.claims = new JdbcPublicationClaims(jdbc);
        this.completionDelayNanos = completionDelay.toNanos();
        this.writer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "calendly-publication-completions");
            thread.setDaemon(true);
            return thread;
        });
        // No thread until the first held completion, and none once idle: a registry without listeners,
        // or one that is dropped, leaves nothing running.
        writer.setKeepAliveTime(10, TimeUnit.SECONDS);
        writer.allowCoreThreadTimeOut(true);
    }

    /**
     * Returns a registry on the data source of the event store.
     *
     * @param dataSource the H2 or PostgreSQL data source whose tables exist
     * @return the registry; the database is first contacted on first use
     */
    static JdbcPublicationRegistry create(DataSource dataSource) {
        return create(dataSource, COMPLETION_DELAY);
    }

    /** Returns a registry whose held completions wait that long for an append transaction, for tests. */
    static JdbcPublicationRegistry create(DataSource dataSource, Duration completionDelay) {
        return new JdbcPublicationRegistry(Objects.requireNonNull(dataSource, "dataSource"), completionDelay);
    }

    @Override
    public JdbcAppendParticipant storeParticipant(Supplier<NewPublications> publications) {
        Objects.requireNonNull(publications, "publications");
        return new JdbcAppendParticipant() {
            @Override
            public void stored(Connection connection, Map<String, StoredEvent> events) throws SQLException {
                insert(connection, events, publications.get());
                deleteHeld(connection);
            }

            @Override
            public void finished(boolean committed) {
                heldDeleted(committed);
            }
        };
    }

    /**
     * Deletes held completions inside an append transaction, behind a savepoint: a failure here goes
     * back to the writer thread instead of failing the deliveries. A retried transaction deletes again
     * what its rolled-back try had taken.
     */
    private void deleteHeld(Connection connection) throws SQLException {
        Taken taken = deleting.get();
        if (taken == null) {
            if (held.peek() == null) {
                return;
            }
            taken = take();
            deleting.set(taken);
        }
        taken.poll(held);
        if (taken.claims.isEmpty()) {
            return;
        }
        Savepoint savepoint = connection.setSavepoint();
        try {
            taken.deleted = delete(connection, taken.claims);
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            connection.rollback(savepoint);
            LOG.debug("Could not delete completed publications inside an append transaction; the writer thread"
                    + " deletes them", e);
            heldDeleted(false);
        }
    }

    /** Ends the current thread's share of held completions: done when committed, held again otherwise. */
    private void heldDeleted(boolean committed) {
        Taken taken = deleting.get();
        if (taken == null) {
            return;
        }
        deleting.remove();
        boolean heldAgain = !committed && !taken.claims.isEmpty();
        if (committed) {
            logTakenOver(taken.claims, taken.deleted);
        } else if (heldAgain) {
            held.addAll(taken.claims);
            scheduleWrite();
        }
        ended(taken, heldAgain);
    }

    /**
     * Announces a transaction that is about to take held completions. It is announced before it takes
     * any, so a reader that finds the queue empty finds every completion it missed in {@link #taking}.
     */
    private Taken take() {
        Taken taken = new Taken();
        taking.add(taken);
        return taken;
    }

    private void ended(Taken taken, boolean heldAgain) {
        taking.remove(taken);
        taken.ended.complete(heldAgain);
    }

    private static void insert(Connection connection, Map<String, StoredEvent> events, NewPublications publications)
            throws SQLException {
        if (publications.listenerIds().isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Map.Entry<String, StoredEvent> event : events.entrySet()) {
                for (String listenerId : publications.listenerIds()) {
                    insert.setObject(1, Publication.id(event.getValue().key(), listenerId));
                    insert.setString(2, event.getKey());
                    insert.setString(3, listenerId);
                    JdbcSupport.setInstant(insert, 4, publications.createdAt());
                    JdbcSupport.setInstant(insert, 5, publications.createdAt());
                    insert.setString(6, publications.owner());
                    JdbcSupport.setInstant(insert, 7, publications.leaseUntil());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /**
     * Does nothing: with this registry the publications are written by the event store's transaction.
     * A dispatcher never calls it, since {@link #storeParticipant(Supplier)} returns a participant.
     */
    @Override
    public void create(CalendlyEvent event, NewPublications publications) {
        // written by the store participant
    }

    /**
     * {@inheritDoc} On PostgreSQL the due rows are locked with {@code FOR UPDATE SKIP LOCKED}; on H2 each
     * is taken by a compare-and-set on its version. A publication whose stored event cannot be parsed
     * again is parked with the parse error instead of being returned.
     */
    @Override
    public List<ClaimedPublication> claimDue(Collection<String> listenerIds, String owner, Instant now,
            Instant leaseUntil, int limit) {
        if (listenerIds.isEmpty()) {
            return List.of();
        }
        writeHeldAndWait();
        List<ClaimedPublication> ready = new ArrayList<>();
        for (JdbcPublicationClaims.Claimed claimed : claims.claim(List.copyOf(listenerIds), owner, now, leaseUntil, limit)) {
            CalendlyEvent event = claimed.event();
            if (event == null) {
                park(claimed.claim(), Objects.requireNonNull(claimed.unreadable()), now);
            } else {
                ready.add(new ClaimedPublication(claimed.claim(), claimed.listenerId(), claimed.attempt(),
                        claimed.createdAt(), event));
            }
        }
        return ready;
    }

    @Override
    public boolean renew(PublicationClaim claim, Instant leaseUntil) {
        return update("could not renew a publication lease",
                "UPDATE calendly_publication SET lease_until = ?" + CURRENT, leaseUntil, claim);
    }

    @Override
    public boolean complete(PublicationClaim claim) {
        return update("could not complete a publication", COMPLETE, null, claim);
    }

    /**
     * {@inheritDoc} Here the completion is held, to be deleted by the next append transaction or by the
     * writer thread within {@link #COMPLETION_DELAY}; a claim that is no longer current is logged then.
     * After {@link #flushCompletions()} completions are written at once.
     */
    @Override
    public boolean completeSoon(PublicationClaim claim) {
        Objects.requireNonNull(claim, "claim");
        if (flushed) {
            return complete(claim);
        }
        held.add(claim);
        if (flushed) {
            writeHeld();
        } else {
            scheduleWrite();
        }
        return true;
    }

    @Override
    public void flushCompletions() {
        flushed = true;
        writeHeldAndWait();
        writer.shutdown();
    }

    private void scheduleWrite() {
        if (!writeScheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            writer.schedule(() -> {
                writeScheduled.set(false);
                writeHeld();
            }, completionDelayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            writeScheduled.set(false);
            writeHeld();
        }
    }

    /** Deletes the held completions in transactions of their own. */
    private void writeHeld() {
        while (held.peek() != null) {
            Taken batch = take();
            try {
                batch.poll(held);
                if (!batch.claims.isEmpty()) {
                    List<Boolean> deleted = jdbc.inTransaction("could not complete publications",
                            connection -> delete(connection, batch.claims));
                    logTakenOver(batch.claims, deleted);
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not record the completion of {} publication(s) ({}); they run again once their leases"
                        + " expire", batch.claims.size(), e.toString());
            } finally {
                ended(batch, false);
            }
        }
    }

    /**
     * Writes the held completions, then waits for the transactions that took others before: once it
     * returns, every completion held when it was called is in the table. A transaction that rolled back
     * holds its completions again, and they are written in the next round.
     */
    private void writeHeldAndWait() {
        Taken own = deleting.get();
        boolean heldAgain = true;
        while (heldAgain) {
            writeHeld();
            heldAgain = false;
            for (Taken taken : List.copyOf(taking)) {
                if (taken != own) {
                    heldAgain |= taken.ended.join();
                }
            }
        }
    }

    private static List<Boolean> delete(Connection connection, List<PublicationClaim> batch) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(COMPLETE)) {
            for (PublicationClaim claim : batch) {
                delete.setObject(1, claim.id());
                delete.setLong(2, claim.version());
                delete.addBatch();
            }
            int[] counts = delete.executeBatch();
            List<Boolean> deleted = new ArrayList<>(counts.length);
            for (int count : counts) {
                deleted.add(count != 0);
            }
            return deleted;
        }
    }

    private static void logTakenOver(List<PublicationClaim> batch, List<Boolean> deleted) {
        for (int i = 0; i < batch.size(); i++) {
            if (!deleted.get(i)) {
                LOG.warn("Publication {} was taken over after its lease expired; its new holder records it",
                        batch.get(i).id());
            }
        }
    }

    @Override
    public boolean reschedule(PublicationClaim claim, PublicationError error, Instant attemptedAt,
            Instant nextAttemptAt) {
        return failed(FAILED + "next_attempt_at = ?" + CURRENT, claim, error, attemptedAt, nextAttemptAt);
    }

    @Override
    public boolean park(PublicationClaim claim, PublicationError error, Instant attemptedAt) {
        return failed(FAILED + "state = 'PARKED', next_attempt_at = ?" + CURRENT, claim, error, attemptedAt,
                attemptedAt);
    }

    private boolean failed(String sql, PublicationClaim claim, PublicationError error, Instant attemptedAt,
            Instant next) {
        return jdbc.inTransaction("could not record a listener failure", connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                update.setString(1, error.type());
                update.setString(2, error.message());
                JdbcSupport.setInstant(update, 3, attemptedAt);
                JdbcSupport.setInstant(update, 4, next);
                update.setObject(5, claim.id());
                update.setLong(6, claim.version());
                return update.executeUpdate() == 1;
            }
        });
    }

    private boolean update(String what, String sql, @Nullable Instant value, PublicationClaim claim) {
        return jdbc.inTransaction(what, connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                int index = 1;
                if (value != null) {
                    JdbcSupport.setInstant(update, index++, value);
                }
                update.setObject(index++, claim.id());
                update.setLong(index, claim.version());
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public int release(String owner, Instant now, Instant leaseEndsBefore) {
        return dueNow("could not release publications",
                "state = 'PENDING' AND lease_owner = ? AND lease_until > ? AND lease_until < ?", now, owner, now,
                leaseEndsBefore);
    }

    @Override
    public boolean retry(UUID id, Instant now) {
        return dueNow("could not retry a publication", "id = ? AND (state = 'PARKED' OR lease_until IS NULL"
                + " OR lease_until <= ?)", now, Objects.requireNonNull(id, "id"), now) == 1;
    }

    @Override
    public int retryAllParked(Instant now) {
        return dueNow("could not retry the parked publications", "state = 'PARKED'", now);
    }

    private int dueNow(String what, String where, Instant now, Object... parameters) {
        return jdbc.inTransaction(what, connection -> {
            try (PreparedStatement update = connection.prepareStatement(DUE_NOW + where)) {
                JdbcSupport.setInstant(update, 1, now);
                for (int i = 0; i < parameters.length; i++) {
                    if (parameters[i] instanceof Instant instant) {
                        JdbcSupport.setInstant(update, i + 2, instant);
                    } else {
                        update.setObject(i + 2, parameters[i]);
                    }
                }
                return update.executeUpdate();
            }
        });
    }

    @Override
    public PublicationCounts counts() {
        writeHeldAndWait();
        return jdbc.withConnection("could not count publications", JdbcPublicationReads::counts);
    }

    @Override
    public PublicationPage list(PublicationStatus status, int page, int size) {
        Objects.requireNonNull(status, "status");
        Pages.check(page, size);
        writeHeldAndWait();
        return jdbc.withConnection("could not list publications",
                connection -> JdbcPublicationReads.list(connection, jdbc.postgres(connection), status, page, size));
    }

    /**
     * The held completions one transaction took and, once deleted, whether each row was there. It ends
     * with whether they are held again.
     */
    private static final class Taken {
        final List<PublicationClaim> claims = new ArrayList<>();
        final CompletableFuture<Boolean> ended = new CompletableFuture<>();
        List<Boolean> deleted = List.of();

        void poll(ConcurrentLinkedQueue<PublicationClaim> held) {
            for (PublicationClaim next; claims.size() < MAX_COMPLETIONS && (next = held.poll()) != null;) {
                claims.add(next);
            }
        }
    }
}
