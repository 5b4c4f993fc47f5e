package io.github.calendlywebhook.dashboard.admin;

import io.github.calendlywebhook.core.audit.AuditRepository;
import io.github.calendlywebhook.core.health.DeliveryHealth;
import io.github.calendlywebhook.core.health.DeliveryHealthCheck;
import io.github.calendlywebhook.core.health.StoreProbe;
import io.github.calendlywebhook.core.publication.ListenerDispatcher;
import io.github.calendlywebhook.core.store.EventStore;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The admin panel's delivery health: core's {@link DeliveryHealth} read from the audit log over the last
 * 24 hours, so every instance sharing the database shows the same, across restarts. Calendly disables a
 * subscription after 24 hours of failed deliveries, so its warnings deserve attention the same day. Parked
 * listener publications degrade it too.
 */
@Service
class DeliveryHealthPanel {

    /** How far back the panel counts deliveries. */
    static final Duration WINDOW = Duration.ofHours(24);

    private final DeliveryHealthCheck check;

    DeliveryHealthPanel(AuditRepository audit, EventStore store, ObjectProvider<DataSource> dataSource, Clock clock,
            ListenerDispatcher listeners) {
        this.check = DeliveryHealthCheck.ofAuditLog(audit, StoreProbe.of(store, dataSource.getIfUnique()), clock,
                WINDOW).withListeners(listeners);
    }

    /** Returns the health now. */
    DeliveryHealth health() {
        return check.check();
    }
}
