package io.github.calendlywebhook.core.health;

import io.github.calendlywebhook.core.audit.AuditEntry;
import io.github.calendlywebhook.core.audit.AuditQuery;
import io.github.calendlywebhook.core.audit.AuditRepository;
import io.github.calendlywebhook.core.delivery.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Reads delivery activity from the audit log, newest entries first. */
final class AuditActivity implements DeliveryActivitySource {

    /** How many of the newest entries are searched for the newest delivery, past admin actions. */
    private static final int SCAN = 50;

    private final AuditRepository audit;
    private final Clock clock;
    private final Duration window;

    AuditActivity(AuditRepository audit, Clock clock, Duration window) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = DeliveryHealthTracker.positive(window, "window");
    }

    @Override
    public DeliveryActivity activity() {
        Instant now = clock.instant();
        Map<Outcome, Long> outcomes = audit.countByOutcome(now.minus(window));
        SeenDelivery accepted = newest(Outcome.ACCEPTED);
        SeenDelivery acknowledged = SeenDelivery.newer(accepted, newest(Outcome.DUPLICATE));
        SeenDelivery storeFailure = newest(Outcome.STORE_UNAVAILABLE);
        SeenDelivery any = SeenDelivery.newer(SeenDelivery.newer(newestDelivery(), acknowledged), storeFailure);
        boolean storeFailing = storeFailure != null
                && (acknowledged == null || storeFailure.at().isAfter(acknowledged.at()));
        return new DeliveryActivity(now, window, any, acknowledged, accepted, outcomes, storeFailing);
    }

    private @Nullable SeenDelivery newest(Outcome outcome) {
        return audit.query(AuditQuery.builder().outcome(outcome).page(0, 1).build()).entries().stream()
                .findFirst().map(SeenDelivery::of).orElse(null);
    }

    private @Nullable SeenDelivery newestDelivery() {
        for (AuditEntry entry : audit.query(AuditQuery.latest(SCAN)).entries()) {
            SeenDelivery seen = SeenDelivery.of(entry);
            if (seen != null) {
                return seen;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "AuditActivity[window=" + window + "]";
    }
}
