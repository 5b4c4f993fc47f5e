package io.github.calendlywebhook.core.health;

import io.github.calendlywebhook.core.audit.AuditRepository;
import java.time.Clock;
import java.time.Duration;

/**
 * Where delivery health reads what the endpoint observed: this instance's
 * {@link DeliveryHealthTracker}, or the audit log, which every instance sharing a database writes.
 * Reached through the factories of {@link DeliveryHealthCheck}.
 */
@FunctionalInterface
interface DeliveryActivitySource {

    /**
     * Returns the activity as of now.
     *
     * @return the activity
     * @throws io.github.calendlywebhook.core.store.StoreUnavailableException when it is kept in a
     *     database that cannot be reached
     */
    DeliveryActivity activity();

    /**
     * Returns a source that reads the audit log: deliveries of every instance that writes to it,
     * surviving restarts. Rejections aggregated into one audit entry count with their occurrences.
     *
     * @param audit the audit log
     * @param clock the clock that says what "now" is
     * @param window how far back deliveries are counted, for example 24 hours
     * @return the source
     */
    static DeliveryActivitySource audit(AuditRepository audit, Clock clock, Duration window) {
        return new AuditActivity(audit, clock, window);
    }
}
