package io.github.calendlywebhook.core.audit;

import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.delivery.Outcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.test.AuditRepositoryComplianceTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryAuditLogTest extends AuditRepositoryComplianceTest {

    @Override
    protected AuditRepository newRepository() {
        return new InMemoryAuditLog();
    }

    @Test
    void forgetsTheOldestEntriesOnceFull() {
        InMemoryAuditLog log = new InMemoryAuditLog(2);
        for (int i = 0; i < 3; i++) {
            log.record(AuditEntry.delivery(Instant.ofEpochSecond(i), Outcome.ACCEPTED, null, null, null, null, null,
                    EventSource.WEBHOOK));
        }

        assertThat(log.query(AuditQuery.latest(10)).entries()).extracting(AuditEntry::at)
                .containsExactly(Instant.ofEpochSecond(2), Instant.ofEpochSecond(1));
    }
}
