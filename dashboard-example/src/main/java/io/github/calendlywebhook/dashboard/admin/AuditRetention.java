package io.github.calendlywebhook.dashboard.admin;

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

    private final JdbcAuditTrail trail;
    private final DashboardProperties properties;
    private final Clock clock;

    AuditRetention(JdbcAuditTrail trail, DashboardProperties properties, Clock clock) {
        this.trail = trail;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void deleteExpired() {
        int deleted = trail.deleteBefore(clock.instant().minus(properties.auditRetention()));
        if (deleted > 0) {
            LOG.info("Deleted {} audit entries older than {}", deleted, properties.auditRetention());
        }
    }
}
