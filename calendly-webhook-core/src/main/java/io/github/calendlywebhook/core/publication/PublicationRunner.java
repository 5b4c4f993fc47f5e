package io.github.calendlywebhook.core.publication;

import io.github.calendlywebhook.core.event.CalendlyEventListener;
import io.github.calendlywebhook.core.event.ListenerContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one claimed publication and records its outcome: completed when the listener returns; when it
 * throws, due again after the back-off, or parked once out of attempts or age. A registry failure while
 * recording is logged and left to the lease: the publication runs again once its lease expires. Keeps
 * the running claims, whose leases {@link #renewLeases()} extends.
 */
final class PublicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerDispatcher.class);

    private final PublicationRegistry registry;
    private final ListenerSettings settings;
    private final Clock clock;
    private final Backoff backoff;
    private final Map<String, CalendlyEventListener> listeners;
    private final Map<PublicationClaim, Instant> running = new ConcurrentHashMap<>();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();

    PublicationRunner(PublicationRegistry registry, ListenerSettings settings, Clock clock, Backoff backoff,
            Map<String, CalendlyEventListener> listeners) {
        this.registry = registry;
        this.settings = settings;
        this.clock = clock;
        this.backoff = backoff;
        this.listeners = Map.copyOf(listeners);
    }

    /** Runs the publication's listener on the calling thread and records the outcome. */
    void run(ClaimedPublication publication, Instant leaseUntil) {
        CalendlyEventListener listener = listeners.get(publication.listenerId());
        if (listener == null) {
            return;
        }
        PublicationClaim claim = publication.claim();
        running.put(claim, leaseUntil);
        Instant started = clock.instant();
        attempts.incrementAndGet();
        if (publication.attempt() > 1) {
            retried.incrementAndGet();
        }
        try {
            ListenerContext context = new ListenerContext(publication.event().idempotencyKey(),
                    publication.listenerId(), publication.attempt(), publication.createdAt());
            ListenerCalls.within(context, () -> listener.onEvent(publication.event(), context));
            completed.incrementAndGet();
            record(claim, () -> registry.completeSoon(claim));
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            failed(publication, e, started);
        } finally {
            running.remove(claim);
        }
    }

    private void failed(ClaimedPublication publication, RuntimeException failure, Instant started) {
        PublicationError error = PublicationError.of(failure);
        PublicationClaim claim = publication.claim();
        boolean outOfAttempts = publication.attempt() >= settings.maxAttempts();
        boolean tooOld = !Duration.between(publication.createdAt(), started).minus(settings.maxAge()).isNegative();
        String event = Text.clean(publication.event().idempotencyKey());
        if (outOfAttempts || tooOld) {
            parked.incrementAndGet();
            LOG.error("Listener {} failed on attempt {} for {} ({}) and is parked ({}): {}: {}", publication.listenerId(),
                    publication.attempt(), publication.event().name(), event,
                    outOfAttempts ? "max-attempts reached" : "max-age reached", error.type(), error.message());
            LOG.debug("Listener {} failure", publication.listenerId(), failure);
            record(claim, () -> registry.park(claim, error, started));
            return;
        }
        Duration wait = backoff.delay(publication.attempt());
        LOG.warn("Listener {} failed on attempt {} for {} ({}); retrying in {} ms: {}: {}", publication.listenerId(),
                publication.attempt(), publication.event().name(), event, wait.toMillis(), error.type(),
                error.message());
        LOG.debug("Listener {} failure", publication.listenerId(), failure);
        record(claim, () -> registry.reschedule(claim, error, started, started.plus(wait)));
    }

    private void record(PublicationClaim claim, java.util.function.BooleanSupplier write) {
        try {
            if (!write.getAsBoolean()) {
                LOG.warn("Publication {} was taken over after its lease expired; its new holder records it", claim.id());
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not record the outcome of publication {} ({}); it runs again once its lease expires",
                    claim.id(), e.toString());
        }
    }

    /** Extends the leases of running claims that have less than half a lease left; returns how many. */
    int renewLeases() {
        Instant now = clock.instant();
        Duration half = settings.lease().dividedBy(2);
        int renewed = 0;
        for (Map.Entry<PublicationClaim, Instant> entry : running.entrySet()) {
            if (Duration.between(now, entry.getValue()).compareTo(half) < 0) {
                Instant until = now.plus(settings.lease());
                try {
                    if (registry.renew(entry.getKey(), until)) {
                        running.replace(entry.getKey(), until);
                        renewed++;
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Could not renew the lease of publication {}: {}", entry.getKey().id(), e.toString());
                }
            }
        }
        return renewed;
    }

    ListenerStats stats() {
        return new ListenerStats(attempts.get(), completed.get(), failed.get(), retried.get(), parked.get());
    }
}
