package io.github.calendlywebhook.core.health;

import io.github.calendlywebhook.core.audit.AuditRepository;
import io.github.calendlywebhook.core.publication.ListenerDispatcher;
import io.github.calendlywebhook.core.publication.PublicationCounts;
import io.github.calendlywebhook.core.store.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Assesses delivery health on demand from an activity source and a store probe; what a health
 * indicator or an admin page calls. The store is probed only while the activity does not already say
 * it is failing. With {@link #withListeners(ListenerDispatcher)} it also reads the listener publications,
 * DEGRADED while some are parked.
 */
public final class DeliveryHealthCheck {

    private final DeliveryActivitySource activity;
    private final StoreProbe store;
    private final Clock clock;
    private final Duration window;
    private final @Nullable Supplier<PublicationCounts> publications;

    private DeliveryHealthCheck(DeliveryActivitySource activity, StoreProbe store, Clock clock, Duration window,
            @Nullable Supplier<PublicationCounts> publications) {
        this.activity = Objects.requireNonNull(activity, "activity");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = Objects.requireNonNull(window, "window");
        this.publications = publications;
    }

    /**
     * Returns a check of this instance's deliveries.
     *
     * @param tracker the tracker the processor reports to
     * @param store the probe of the processor's store
     * @return the check
     */
    public static DeliveryHealthCheck of(DeliveryHealthTracker tracker, StoreProbe store) {
        return new DeliveryHealthCheck(tracker::activity, store, tracker.clock(), tracker.window(), null);
    }

    /**
     * Returns a check reading the audit log: deliveries of every instance that writes to it, surviving
     * restarts. Rejections aggregated into one audit entry count with their occurrences.
     *
     * @param audit the audit log
     * @param store the probe of the processor's store
     * @param clock the clock that says what "now" is
     * @param window how far back deliveries are counted, for example 24 hours
     * @return the check
     */
    public static DeliveryHealthCheck ofAuditLog(AuditRepository audit, StoreProbe store, Clock clock,
            Duration window) {
        return of(DeliveryActivitySource.audit(audit, clock, window), store, clock, window);
    }

    /**
     * Returns a check reading another activity source, such as the audit log.
     *
     * @param activity where the activity is read
     * @param store the probe of the processor's store
     * @param clock the clock, used when the source cannot be read
     * @param window the source's window, used when it cannot be read
     * @return the check
     */
    static DeliveryHealthCheck of(DeliveryActivitySource activity, StoreProbe store, Clock clock, Duration window) {
        return new DeliveryHealthCheck(activity, store, clock, window, null);
    }

    /**
     * Returns this check also reading the dispatcher's publications (every instance's, when the
     * registry is shared).
     *
     * @param dispatcher the dispatcher of the application's listeners
     * @return the check
     */
    public DeliveryHealthCheck withListeners(ListenerDispatcher dispatcher) {
        Objects.requireNonNull(dispatcher, "dispatcher");
        return new DeliveryHealthCheck(activity, store, clock, window, dispatcher::counts);
    }

    /**
     * Assesses the health now. Never throws for an unreachable database: a source kept in one that
     * cannot be read reports the store {@link StoreStatus#UNREACHABLE}.
     *
     * @return the health
     */
    public DeliveryHealth check() {
        DeliveryActivity observed;
        try {
            observed = activity.activity();
        } catch (StoreUnavailableException e) {
            return DeliveryHealth.assess(DeliveryActivity.none(clock.instant(), window), StoreStatus.UNREACHABLE);
        }
        DeliveryHealth health = DeliveryHealth.assess(observed,
                observed.storeFailing() ? StoreStatus.FAILING : store.probe());
        if (publications == null || !health.store().usable()) {
            return health;
        }
        try {
            return health.withListeners(publications.get());
        } catch (StoreUnavailableException e) {
            return health;
        }
    }

    @Override
    public String toString() {
        return "DeliveryHealthCheck[" + activity + "]";
    }
}
