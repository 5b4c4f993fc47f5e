package io.github.calendlywebhook.core.audit.internal;

import io.github.calendlywebhook.core.audit.AuditEntry;
import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.delivery.Outcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggregatingAuditLogTest {

    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    private final MutableClock clock = MutableClock.at(NOW);
    private final List<AuditEntry> written = new ArrayList<>();
    private final AggregatingAuditLog log = AggregatingAuditLog.wrap(written::add, clock, Duration.ofMinutes(1));

    @Test
    void writesEveryAcknowledgedDelivery() {
        for (int i = 0; i < 5; i++) {
            log.record(entry(Outcome.ACCEPTED, "203.0.113.1"));
        }

        assertThat(written).hasSize(5);
    }

    @Test
    void writesApplicationActionsOneByOne() {
        AuditEntry login = new AuditEntry(NOW, "admin.login.failure", null, 0, "203.0.113.1", null, null, null, null,
                EventSource.WEBHOOK, 1);

        log.record(login);
        log.record(login);

        assertThat(written).hasSize(2);
    }

    @Test
    void writesTheFirstRejectionOfAWindowAtOnce() {
        log.record(entry(Outcome.INVALID_SIGNATURE, "203.0.113.1"));

        assertThat(written).hasSize(1);
        assertThat(written.get(0).count()).isEqualTo(1);
    }

    @Test
    void sumsTheRestOfTheWindowIntoOneEntryWhenItCloses() {
        for (int i = 0; i < 1000; i++) {
            log.record(entry(Outcome.INVALID_SIGNATURE, "203.0.113.1"));
        }
        clock.advance(Duration.ofSeconds(61));

        log.record(entry(Outcome.ACCEPTED, "203.0.113.2"));

        assertThat(written).extracting(AuditEntry::outcome, AuditEntry::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Outcome.INVALID_SIGNATURE, 1L),
                org.assertj.core.groups.Tuple.tuple(Outcome.INVALID_SIGNATURE, 999L),
                org.assertj.core.groups.Tuple.tuple(Outcome.ACCEPTED, 1L));
        assertThat(written.get(1).clientAddress()).isEqualTo("203.0.113.1");
        assertThat(written.get(1).detail()).startsWith("aggregated 999 more");
    }

    @Test
    void keepsTheWindowOpenUntilItsEnd() {
        log.record(entry(Outcome.FORBIDDEN, "198.51.100.7"));
        log.record(entry(Outcome.FORBIDDEN, "198.51.100.7"));
        clock.advance(Duration.ofSeconds(59));

        log.record(entry(Outcome.ACCEPTED, "203.0.113.2"));

        assertThat(written).extracting(AuditEntry::outcome).containsExactly(Outcome.FORBIDDEN, Outcome.ACCEPTED);
    }

    @Test
    void aggregatesEachOutcomeAndAddressSeparately() {
        log.record(entry(Outcome.FORBIDDEN, "198.51.100.7"));
        log.record(entry(Outcome.FORBIDDEN, "198.51.100.8"));
        log.record(entry(Outcome.RATE_LIMITED, "198.51.100.7"));
        log.record(entry(Outcome.FORBIDDEN, "198.51.100.7"));

        assertThat(written).hasSize(3);
        assertThat(log.openWindows()).isEqualTo(3);
    }

    @Test
    void flushWritesPendingSumsOfOpenWindows() {
        log.record(entry(Outcome.RATE_LIMITED, "203.0.113.1"));
        log.record(entry(Outcome.RATE_LIMITED, "203.0.113.1"));
        log.record(entry(Outcome.RATE_LIMITED, "203.0.113.1"));

        log.flush();

        assertThat(written).extracting(AuditEntry::count).containsExactly(1L, 2L);
        assertThat(log.openWindows()).isZero();
    }

    @Test
    void startsANewWindowAfterTheOldOneCloses() {
        log.record(entry(Outcome.RATE_LIMITED, "203.0.113.1"));
        clock.advance(Duration.ofMinutes(2));

        log.record(entry(Outcome.RATE_LIMITED, "203.0.113.1"));

        assertThat(written).extracting(AuditEntry::count).containsExactly(1L, 1L);
    }

    @Test
    void poolsClientsBeyondTheCapWithoutWritingARowForEach() {
        for (int i = 0; i < AggregatingAuditLog.DEFAULT_MAX_KINDS + 500; i++) {
            log.record(entry(Outcome.FORBIDDEN, "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255)));
        }

        assertThat(log.openWindows()).isEqualTo(AggregatingAuditLog.DEFAULT_MAX_KINDS + 1);
        assertThat(written).hasSize(AggregatingAuditLog.DEFAULT_MAX_KINDS);
        log.flush();
        assertThat(written).last().satisfies(pooled -> {
            assertThat(pooled.clientAddress()).isNull();
            assertThat(pooled.count()).isEqualTo(500);
        });
    }

    @Test
    void aggregatesEveryAddressOfOneIpv6Slash64AsOneClient() {
        for (int i = 1; i <= 300; i++) {
            log.record(entry(Outcome.FORBIDDEN, "2001:db8:1:2::" + Integer.toHexString(i)));
        }
        log.flush();

        assertThat(written).extracting(AuditEntry::clientAddress, AuditEntry::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2001:db8:1:2::1", 1L),
                org.assertj.core.groups.Tuple.tuple("2001:db8:1:2:0:0:0:0/64", 299L));
    }

    private AuditEntry entry(Outcome outcome, String client) {
        return AuditEntry.delivery(clock.instant(), outcome, client, null, null, "detail", Duration.ZERO,
                EventSource.WEBHOOK);
    }
}
