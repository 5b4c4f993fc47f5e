package io.github.calendlywebhook.core.publication;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thin scheduling wrapper around a {@link ListenerDispatcher}: at start it resubmits what this
 * instance held when it stopped, then runs {@link ListenerDispatcher#runDue()} every poll interval
 * (again at once while full batches come back) and {@link ListenerDispatcher#renewLeases()} every third
 * of a lease, on two daemon threads. A failing step (the database is down) is logged and tried again at
 * the next tick. All behaviour lives in the dispatcher, tested without this class.
 */
final class PublicationScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PublicationScheduler.class);

    private final ListenerDispatcher dispatcher;
    private final ScheduledExecutorService threads;
    private final AtomicBoolean failing = new AtomicBoolean();

    private PublicationScheduler(ListenerDispatcher dispatcher) {
        this.dispatcher = dispatcher;
        this.threads = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "calendly-publications");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts the scheduler.
     *
     * @param dispatcher the dispatcher to drive
     * @return the running scheduler; close it on shutdown
     */
    static PublicationScheduler start(ListenerDispatcher dispatcher) {
        return start(dispatcher, true);
    }

    /**
     * Starts the scheduler without resubmitting anything: for a dispatcher whose registry began empty
     * with it (in memory) and may already be running first attempts, which a resubmit would start twice.
     *
     * @param dispatcher the dispatcher to drive
     * @return the running scheduler; close it on shutdown
     */
    static PublicationScheduler startWithoutResubmit(ListenerDispatcher dispatcher) {
        return start(dispatcher, false);
    }

    private static PublicationScheduler start(ListenerDispatcher dispatcher, boolean resubmit) {
        PublicationScheduler scheduler = new PublicationScheduler(dispatcher);
        ListenerSettings settings = dispatcher.settings();
        long poll = settings.pollInterval().toMillis();
        long renew = Math.max(1, settings.lease().dividedBy(3).toMillis());
        if (resubmit) {
            scheduler.threads.execute(() -> scheduler.step(dispatcher::resubmitAfterRestart));
        }
        scheduler.threads.scheduleWithFixedDelay(scheduler::drain, poll, poll, TimeUnit.MILLISECONDS);
        scheduler.threads.scheduleWithFixedDelay(() -> scheduler.step(dispatcher::renewLeases), renew, renew,
                TimeUnit.MILLISECONDS);
        return scheduler;
    }

    private void drain() {
        int batch = dispatcher.settings().batchSize();
        for (int ran = batch; ran >= batch && !threads.isShutdown();) {
            ran = step(dispatcher::runDue);
        }
    }

    private int step(java.util.function.IntSupplier work) {
        try {
            int done = work.getAsInt();
            if (failing.compareAndSet(true, false)) {
                LOG.info("Listener publications are processed again");
            }
            return done;
        } catch (RuntimeException e) {
            if (failing.compareAndSet(false, true)) {
                LOG.warn("Could not process listener publications; trying again every {}: {}",
                        dispatcher.settings().pollInterval(), e.toString());
            }
            return 0;
        }
    }

    /** Stops scheduling; a running step finishes within the grace period or is interrupted. */
    @Override
    public void close() {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
