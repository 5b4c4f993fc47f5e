package io.github.calendlywebhook.dashboard.admin;

import io.github.calendlywebhook.core.audit.AuditRepository;
import io.github.calendlywebhook.dashboard.config.DashboardProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes audit entries older than {@code dashboard.audit-retention}, once an hour. */
@Component
class AuditRetention {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRetention.class);

    private final AuditRepository audit;
    private final DashboardProperties properties;
    private final Clock clock;

    AuditRetention(AuditRepository audit, DashboardProperties properties, Clock clock) {
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void deleteExpired() {
        long deleted = audit.deleteOlderThan(properties.auditRetention(), clock);
        if (deleted > 0) {
            LOG.info("Deleted {} audit entries older than {}", deleted, properties.auditRetention());
        }
    }
}
