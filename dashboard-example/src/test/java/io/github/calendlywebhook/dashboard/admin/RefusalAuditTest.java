package io.github.calendlywebhook.dashboard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.audit.AuditEntry;
import io.github.calendlywebhook.core.ip.ClientKeys;
import io.github.calendlywebhook.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Refusals anyone can cause are audited without letting a flood fill the table. */
class RefusalAuditTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-12-01T10:00:00Z"));
    private final List<AuditEntry> written = new CopyOnWriteArrayList<>();
    private final RefusalAudit refusals = new RefusalAudit(new AdminAudit(written::add, clock), clock,
            ClientKeys.ofDefaults());

    @Test
    void theFirstTenRefusalsOfAClientInAMinuteAreWrittenOneByOne() {
        for (int i = 0; i < 10; i++) {
            refusals.record("request.refused", "203.0.113.7", "415 POST /admin/settings");
        }

        assertThat(written).hasSize(10).allSatisfy(entry -> assertThat(entry.count()).isEqualTo(1));
    }

    @Test
    void aFloodIsCountedIntoOneEntryWhenTheMinuteHasPassedAndNothingIsDropped() {
        for (int i = 0; i < 1_000; i++) {
            refusals.record("request.refused", "203.0.113.7", "415 POST /admin/settings");
        }
        assertThat(written).hasSize(10);

        clock.advance(Duration.ofMinutes(1));
        refusals.flush();

        assertThat(written).hasSize(11);
        assertThat(written.get(10).count()).isEqualTo(990);
        assertThat(written.stream().mapToLong(AuditEntry::count).sum()).isEqualTo(1_000);
    }

    @Test
    void everyAddressOfOneIpv6Slash64IsOneClient() {
        for (int i = 1; i <= 50; i++) {
            refusals.record("read.rate_limited", "2001:db8:5:6::" + Integer.toHexString(i), "GET /api/metrics");
        }
        refusals.flushAll();

        assertThat(written).hasSize(11);
        assertThat(written.get(10).clientAddress()).isEqualTo("2001:db8:5:6:0:0:0:0/64");
        assertThat(written.get(10).count()).isEqualTo(40);
    }

    @Test
    void differentActionsAndClientsAreCountedApart() {
        for (int i = 0; i < 12; i++) {
            refusals.record("request.refused", "203.0.113.7", null);
            refusals.record("admin.login.throttled", "203.0.113.7", null);
            refusals.record("request.refused", "203.0.113.8", null);
        }

        assertThat(written).hasSize(30);
    }
}
