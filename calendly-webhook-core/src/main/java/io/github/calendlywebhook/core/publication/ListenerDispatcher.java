package io.github.calendlywebhook.core.publication;

import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.event.ListenerContext;
import io.github.calendlywebhook.core.store.EventStore;
import io.github.calendlywebhook.core.store.ProjectingEventStore;
import io.github.calendlywebhook.core.store.internal.JdbcAppendParticipant;
import io.github.calendlywebhook.core.store.internal.JdbcAppendingStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers stored events to listeners at least once, through a {@link PublicationRegistry}.
 *
 * <p>Wiring: build the dispatcher on a registry with its listeners, each under a stable id; create a
 * JDBC event store with {@link #jdbcEventStore(DataSource)}, so that with
 * {@link PublicationRegistry#jdbc} the publications are written in each event's transaction; hand both
 * to the {@code WebhookProcessor} builder ({@code store(...)}, {@code dispatcher(...)}), which calls
 * {@link #published(CalendlyEvent)} after each newly stored event; {@link #startScheduling()} for the
 * retries. Tests drive {@link #runDue()} and {@link #renewLeases()} themselves with a manual
 * {@link Clock}.
 *
 * <p>The admin panel and the health model call {@link #counts()}, {@link #list}, {@link #retry(UUID)}
 * and {@link #retryAllParked()}; {@link ListenerMetrics} reports this instance's activity. Thread-safe.
 */
public final class ListenerDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerDispatcher.class);

    private final PublicationRegistry registry;
    private final ListenerSettings settings;
    private final Clock clock;
    private final List<String> listenerIds;
    private final String owner;
    private final Instant started;
    private final PublicationRunner runner;
    private final @Nullable JdbcAppendParticipant participant;
    private final @Nullable Executor executor;
    private final @Nullable ExecutorService ownedExecutor;
    private @Nullable PublicationScheduler scheduler;

    ListenerDispatcher(ListenerDispatcherBuilder b) {
        this.registry = b.registry;
        this.settings = b.settings;
        this.clock = b.clock;
        this.listenerIds = List.copyOf(b.listeners.keySet());
        this.owner = settings.instanceId() != null ? settings.instanceId() : "instance-" + UUID.randomUUID();
        this.started = clock.instant();
        this.runner = new PublicationRunner(registry, settings, clock,
                new Backoff(settings.firstRetry(), settings.maxRetryDelay(), b.jitter), b.listeners);
        this.participant = registry.storeParticipant(this::newPublications);
        if (settings.mode() == ListenerMode.ASYNC && b.executor == null) {
            this.ownedExecutor = Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "calendly-listeners");
                thread.setDaemon(true);
                return thread;
            });
            this.executor = ownedExecutor;
        } else {
            this.ownedExecutor = null;
            this.executor = b.executor;
        }
    }

    /**
     * Returns a builder.
     *
     * @param registry where the publications are kept
     * @param settings the listener settings
     * @return the builder
     */
    public static ListenerDispatcherBuilder builder(PublicationRegistry registry, ListenerSettings settings) {
        return new ListenerDispatcherBuilder(registry, settings);
    }

    /**
     * Returns the context of the listener call running on the current thread, for listeners that cannot
     * take a {@link ListenerContext} parameter (a framework's {@code @EventListener} method).
     *
     * @return the context, or empty outside a call made by a dispatcher
     */
    public static Optional<ListenerContext> currentCall() {
        return ListenerCalls.current();
    }

    /**
     * Returns {@link #jdbcEventStore(DataSource, ZoneId)} counting UTC days.
     *
     * @param dataSource the H2 or PostgreSQL data source whose tables exist
     * @return the store
     */
    public ProjectingEventStore jdbcEventStore(DataSource dataSource) {
        return jdbcEventStore(dataSource, ZoneOffset.UTC);
    }

    /**
     * Returns the JDBC event store on a data source. When this dispatcher's registry is written by the
     * store ({@link PublicationRegistry#jdbc}), each append writes the new event's publications in its
     * own transaction; otherwise the store is a plain one and the dispatcher creates them after the append.
     *
     * @param dataSource the H2 or PostgreSQL data source whose tables exist
     * @param zone the time zone the dashboard counters bucket days in
     * @return the store
     */
    public ProjectingEventStore jdbcEventStore(DataSource dataSource, ZoneId zone) {
        return participant == null ? ProjectingEventStore.jdbc(dataSource, zone)
                : ProjectingEventStore.jdbc(dataSource, zone, participant);
    }

    /**
     * Returns the participant to create the {@code JdbcEventStore} with, so that each append
     * transaction writes one publication per listener for each new event.
     *
     * @return the participant
     * @throws IllegalStateException when the registry is not written by the store (in memory)
     */
    public JdbcAppendParticipant storeParticipant() {
        if (participant == null) {
            throw new IllegalStateException("the " + registry.getClass().getSimpleName()
                    + " is not written by the event store; use PublicationRegistry.jdbc(dataSource) for that");
        }
        return participant;
    }

    /**
     * Checks that the store writes this dispatcher's publications when the registry needs it to, so a
     * wrong wiring fails at start-up instead of losing publications.
     *
     * @param store the processor's event store
     * @throws IllegalStateException when the registry is written by the store and this store does not
     */
    public void requireStore(EventStore store) {
        if (participant != null && !(store instanceof JdbcAppendingStore jdbc && jdbc.appendParticipant() == participant)) {
            throw new IllegalStateException("calendly.webhook.listeners: the JDBC publication registry needs the event "
                    + "store created with dispatcher.jdbcEventStore(dataSource)");
        }
    }

    /**
     * Makes the first attempt of each listener for a newly stored event: on the calling thread
     * ({@link ListenerMode#SYNC_FIRST}) or on the executor ({@link ListenerMode#ASYNC}). Never throws
     * for a listener's failure. Call it only after the event's append returned {@code STORED}.
     *
     * @param event the stored event
     */
    public void published(CalendlyEvent event) {
        Objects.requireNonNull(event, "event");
        if (listenerIds.isEmpty()) {
            return;
        }
        NewPublications publications = newPublications();
        if (participant == null) {
            registry.create(event, publications);
        }
        for (String listenerId : listenerIds) {
            ClaimedPublication first = new ClaimedPublication(new PublicationClaim(
                    Publication.id(event.idempotencyKey(), listenerId), PublicationClaim.FIRST), listenerId, 1,
                    publications.createdAt(), event);
            if (settings.mode() == ListenerMode.SYNC_FIRST) {
                runner.run(first, publications.leaseUntil());
            } else {
                submit(first, publications.leaseUntil());
            }
        }
    }

    private void submit(ClaimedPublication first, Instant leaseUntil) {
        try {
            Objects.requireNonNull(executor, "executor").execute(() -> runner.run(first, leaseUntil));
        } catch (RejectedExecutionException e) {
            LOG.warn("Listener executor refused publication {}; it runs once its lease expires", first.claim().id());
        }
    }

    private NewPublications newPublications() {
        Instant now = clock.instant();
        return new NewPublications(listenerIds, owner, now, now.plus(settings.lease()));
    }

    /**
     * Claims the due publications (at most the batch size) and runs them on the calling thread.
     *
     * @return how many were claimed and run
     */
    public int runDue() {
        if (listenerIds.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(settings.lease());
        List<ClaimedPublication> due = registry.claimDue(listenerIds, owner, now, leaseUntil, settings.batchSize());
        due.forEach(publication -> runner.run(publication, leaseUntil));
        return due.size();
    }

    /**
     * Extends the leases of the publications running on this instance that have less than half a
     * lease left; the scheduler calls it every third of a lease.
     *
     * @return how many leases were extended
     */
    public int renewLeases() {
        return runner.renewLeases();
    }

    /**
     * Resubmits, at start-up, the publications this instance held when it stopped (a crash between the
     * commit and the listener's return): they become due now. Only an instance id that survives
     * restarts finds them; with a random id there is nothing to look for, and a dead process's
     * publications run once their lease expires. Claims taken since this dispatcher was built are left
     * alone, so a delivery accepted before the resubmission runs its first attempt once.
     *
     * @return how many were resubmitted
     */
    public int resubmitAfterRestart() {
        if (settings.instanceId() == null) {
            return 0;
        }
        int released = registry.release(owner, clock.instant(), started.plus(settings.lease()));
        if (released > 0) {
            LOG.info("Resubmitting {} listener publication(s) left incomplete when instance {} stopped", released,
                    owner);
        }
        return released;
    }

    /**
     * Makes one parked or retrying publication due now: it runs at the next step, one more attempt
     * (a failure parks it again once it is past its limits).
     *
     * @param id the publication id
     * @return whether it was waiting and is now due
     */
    public boolean retry(UUID id) {
        return registry.retry(id, clock.instant());
    }

    /**
     * Makes every parked publication due now.
     *
     * @return how many were made due
     */
    public int retryAllParked() {
        return registry.retryAllParked(clock.instant());
    }

    /** Returns the incomplete publications by status, across every instance sharing the registry. */
    public PublicationCounts counts() {
        return registry.counts();
    }

    /**
     * Returns a page of incomplete publications of a status with their last error, oldest first.
     *
     * @param status the status
     * @param page the page number, from 0
     * @param size the page size, 1 to 500
     * @return the page
     */
    public PublicationPage list(PublicationStatus status, int page, int size) {
        return registry.list(status, page, size);
    }

    /** Returns how many listener calls have thrown since this dispatcher was built. */
    public long failedAttempts() {
        return runner.stats().failed();
    }

    /** Returns what this instance's listeners did since the dispatcher was built. */
    ListenerStats stats() {
        return runner.stats();
    }

    /** Returns the registered listener ids, in registration order. */
    public List<String> listenerIds() {
        return listenerIds;
    }

    /** Returns this instance's name in leases. */
    public String instanceId() {
        return owner;
    }

    /** Returns the settings. */
    public ListenerSettings settings() {
        return settings;
    }

    /** Returns the clock. */
    Clock clock() {
        return clock;
    }

    /**
     * Starts the retries on two daemon threads unless they run: resubmits what this instance held when it
     * stopped, then {@link #runDue()} every poll interval and {@link #renewLeases()} every third of a lease.
     */
    public synchronized void startScheduling() {
        if (scheduler == null) {
            scheduler = PublicationScheduler.start(this);
        }
    }

    /**
     * Starts the retries like {@link #startScheduling()} but resubmits nothing: for a registry that began
     * empty with this dispatcher (in memory) and may already be running first attempts, which a resubmit
     * would start a second time.
     */
    public synchronized void startRetrying() {
        if (scheduler == null) {
            scheduler = PublicationScheduler.startWithoutResubmit(this);
        }
    }

    /** Stops the retries; a running step finishes within a grace period or is interrupted. */
    public void stopScheduling() {
        PublicationScheduler running;
        synchronized (this) {
            running = scheduler;
            scheduler = null;
        }
        if (running != null) {
            running.close();
        }
    }

    /**
     * Stops the retries and the executor this dispatcher created for {@link ListenerMode#ASYNC}; running
     * listeners finish. Writes the completions the registry holds, and has it write later ones at once.
     */
    @Override
    public void close() {
        stopScheduling();
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
        registry.flushCompletions();
    }
}
