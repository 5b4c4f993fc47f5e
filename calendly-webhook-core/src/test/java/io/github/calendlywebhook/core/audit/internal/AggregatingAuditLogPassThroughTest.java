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

/** With no rejection window open, acknowledged deliveries and actions pass straight to the delegate, in order. */
class AggregatingAuditLogPassThroughTest {

    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    private final MutableClock clock = MutableClock.at(NOW);
    private final List<AuditEntry> written = new ArrayList<>();
    private final AggregatingAuditLog log = AggregatingAuditLog.wrap(written::add, clock, Duration.ofMinutes(1));

    @Test
    void acknowledgedDeliveriesAfterEveryWindowClosedAreWrittenDirectlyAndInOrder() {
        log.record(entry(Outcome.FORBIDDEN));
        log.record(entry(Outcome.FORBIDDEN));
        clock.advance(Duration.ofMinutes(2));
        log.record(entry(Outcome.ACCEPTED));

        log.record(entry(Outcome.DUPLICATE));
        log.record(entry(Outcome.ACCEPTED));

        assertThat(log.openWindows()).isZero();
        assertThat(written).extracting(AuditEntry::outcome, AuditEntry::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Outcome.FORBIDDEN, 1L),
                org.assertj.core.groups.Tuple.tuple(Outcome.FORBIDDEN, 1L),
                org.assertj.core.groups.Tuple.tuple(Outcome.ACCEPTED, 1L),
                org.assertj.core.groups.Tuple.tuple(Outcome.DUPLICATE, 1L),
                org.assertj.core.groups.Tuple.tuple(Outcome.ACCEPTED, 1L));
    }

    @Test
    void anAcknowledgedDeliveryStillClosesAWindowOpenedBeforeIt() {
        log.record(entry(Outcome.RATE_LIMITED));
        log.record(entry(Outcome.RATE_LIMITED));
        clock.advance(Duration.ofSeconds(61));

        log.record(entry(Outcome.ACCEPTED));

        assertThat(written).extracting(AuditEntry::count).containsExactly(1L, 1L, 1L);
        assertThat(written.get(1).detail()).startsWith("aggregated 1 more");
        assertThat(log.openWindows()).isZero();
    }

    @Test
    void flushAfterWhichNoWindowIsOpenLetsActionsPassStraightThrough() {
        log.record(entry(Outcome.FORBIDDEN));
        log.flush();
        AuditEntry action = new AuditEntry(NOW, "admin.login.failure", null, 0, null, null, null, null, null,
                EventSource.WEBHOOK, 1);

        log.record(action);

        assertThat(written).last().isSameAs(action);
        assertThat(log.openWindows()).isZero();
    }

    private AuditEntry entry(Outcome outcome) {
        return AuditEntry.delivery(clock.instant(), outcome, "203.0.113.1", null, null, "detail", Duration.ZERO,
                EventSource.WEBHOOK);
    }
}
