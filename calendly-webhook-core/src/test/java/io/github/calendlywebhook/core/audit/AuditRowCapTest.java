package io.github.calendlywebhook.core.audit;

import io.github.calendlywebhook.core.audit.internal.AggregatingAuditLog;
import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.delivery.Outcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.ip.ClientKeys;
import io.github.calendlywebhook.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A flood of rejections from ever new clients writes a bounded number of rows and loses no count. */
class AuditRowCapTest {

    private static final Instant START = Instant.parse("2026-01-15T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int CAP = 50;
    private static final int PER_FAMILY = 2_000;

    private final MutableClock clock = MutableClock.at(START);
    private final InMemoryAuditLog repository = new InMemoryAuditLog(100_000);
    private final AggregatingAuditLog log = AggregatingAuditLog.wrap(repository, clock, WINDOW, ClientKeys.ofDefaults(),
            CAP);

    @Test
    void aFloodOfDistinctSlash64sAndIpv4sWritesAtMostCapPlusOneRowsPerWindowWithExactTotals() {
        // given two windows, each flooded with distinct IPv4 addresses and distinct IPv6 /64s
        for (int window = 0; window < 2; window++) {
            clock.set(START.plus(WINDOW.multipliedBy(window)));
            flood(window);
        }

        // when the last window closes
        clock.set(START.plus(WINDOW.multipliedBy(2)));
        log.flush();

        // then each window has at most cap + 1 rows, and the counts are exact
        for (int window = 0; window < 2; window++) {
            Instant from = START.plus(WINDOW.multipliedBy(window));
            List<AuditEntry> rows = repository.query(AuditQuery.builder().from(from).to(from.plus(WINDOW).minusNanos(1))
                    .page(0, AuditQuery.MAX_LIMIT).build()).entries();
            assertThat(rows).as("rows of window %d", window).hasSize(CAP + 1);
            assertThat(rows.stream().mapToLong(AuditEntry::count).sum()).isEqualTo(2L * PER_FAMILY);
        }
        assertThat(repository.countByOutcome(START)).isEqualTo(Map.of(Outcome.FORBIDDEN, 4L * PER_FAMILY));
    }

    private void flood(int window) {
        for (int i = 0; i < PER_FAMILY; i++) {
            log.record(rejection("10." + window + "." + (i >> 8 & 255) + "." + (i & 255)));
            log.record(rejection("2001:db8:" + Integer.toHexString(window) + ":" + Integer.toHexString(i) + "::1"));
        }
    }

    private AuditEntry rejection(String client) {
        return AuditEntry.delivery(clock.instant(), Outcome.FORBIDDEN, client, null, null, "not allowed", Duration.ZERO,
                EventSource.WEBHOOK);
    }
}
