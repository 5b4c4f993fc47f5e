package io.github.calendlywebhook.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.audit.AuditEntry;
import io.github.calendlywebhook.core.audit.AuditPage;
import io.github.calendlywebhook.core.audit.AuditQuery;
import io.github.calendlywebhook.core.audit.AuditRepository;
import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.delivery.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link AuditRepository} must have: newest first, filters, paging, retention,
 * counts by outcome, and entries recorded with {@code recordSoon} seen by the next read and written by
 * {@code flush}. Subclasses supply a fresh, empty repository.
 */
public abstract class AuditRepositoryComplianceTest {

    private static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");

    /** Returns a new, empty repository. */
    protected abstract AuditRepository newRepository();

    private static AuditEntry delivery(long minutesAgo, Outcome outcome, String eventName) {
        return AuditEntry.delivery(NOW.minus(Duration.ofMinutes(minutesAgo)), outcome, "203.0.113.7", eventName,
                eventName + "|key", "detail", Duration.ofMillis(12), EventSource.WEBHOOK);
    }

    @Test
    void returnsEntriesNewestFirstWithEveryField() {
        AuditRepository log = newRepository();
        AuditEntry older = delivery(10, Outcome.ACCEPTED, "invitee.created");
        AuditEntry newer = delivery(5, Outcome.INVALID_SIGNATURE, "invitee.canceled");
        log.record(older);
        log.record(newer);

        AuditPage page = log.query(AuditQuery.latest(10));

        assertThat(page.entries()).containsExactly(newer, older);
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void keepsApplicationActionsWithoutOutcome() {
        AuditRepository log = newRepository();
        AuditEntry login = new AuditEntry(NOW, "admin.login.failure", null, 0, "198.51.100.1", null, null,
                "wrong password", null, EventSource.WEBHOOK, 1);
        log.record(login);

        assertThat(log.query(AuditQuery.builder().action("admin.login.failure").build()).entries())
                .containsExactly(login);
    }

    @Test
    void filtersByOutcomeEventNameAndTimeRange() {
        AuditRepository log = newRepository();
        log.record(delivery(30, Outcome.ACCEPTED, "invitee.created"));
        log.record(delivery(20, Outcome.ACCEPTED, "invitee.canceled"));
        log.record(delivery(10, Outcome.ACCEPTED, "invitee.created"));
        log.record(delivery(5, Outcome.RATE_LIMITED, "invitee.created"));

        AuditPage page = log.query(AuditQuery.builder().outcome(Outcome.ACCEPTED).eventName("invitee.created")
                .from(NOW.minus(Duration.ofMinutes(15))).to(NOW).build());

        assertThat(page.entries()).extracting(AuditEntry::at).containsExactly(NOW.minus(Duration.ofMinutes(10)));
    }

    @Test
    void pagesThroughMatchingEntries() {
        AuditRepository log = newRepository();
        for (int i = 1; i <= 5; i++) {
            log.record(delivery(i, Outcome.ACCEPTED, "invitee.created"));
        }

        AuditPage second = log.query(AuditQuery.builder().page(2, 2).build());

        assertThat(second.entries()).extracting(AuditEntry::at)
                .containsExactly(NOW.minus(Duration.ofMinutes(3)), NOW.minus(Duration.ofMinutes(4)));
        assertThat(second.total()).isEqualTo(5);
        assertThat(second.hasMore()).isTrue();
    }

    @Test
    void deletesEntriesOlderThanTheRetention() {
        AuditRepository log = newRepository();
        log.record(delivery(Duration.ofDays(31).toMinutes(), Outcome.ACCEPTED, "invitee.created"));
        log.record(delivery(Duration.ofDays(29).toMinutes(), Outcome.ACCEPTED, "invitee.created"));

        long deleted = log.deleteOlderThan(Duration.ofDays(30), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(deleted).isEqualTo(1);
        assertThat(log.query(AuditQuery.latest(10)).total()).isEqualTo(1);
    }

    @Test
    void countsOutcomesSinceAnInstantIncludingAggregatedOccurrences() {
        AuditRepository log = newRepository();
        log.record(delivery(120, Outcome.ACCEPTED, "invitee.created"));
        log.record(delivery(10, Outcome.ACCEPTED, "invitee.created"));
        log.record(new AuditEntry(NOW.minus(Duration.ofMinutes(5)), Outcome.FORBIDDEN.code(), Outcome.FORBIDDEN, 403,
                "192.0.2.1", null, null, null, null, EventSource.WEBHOOK, 40));

        assertThat(log.countByOutcome(NOW.minus(Duration.ofHours(1))))
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of(Outcome.ACCEPTED, 1L, Outcome.FORBIDDEN, 40L));
    }

    @Test
    void showsEntriesRecordedSoonToTheNextRead() {
        AuditRepository log = newRepository();
        AuditEntry first = delivery(3, Outcome.ACCEPTED, "invitee.created");
        AuditEntry second = delivery(2, Outcome.DUPLICATE, "invitee.created");
        log.recordSoon(first);
        log.recordSoon(second);

        assertThat(log.query(AuditQuery.latest(10)).entries()).containsExactly(second, first);
        assertThat(log.countByOutcome(NOW.minus(Duration.ofHours(1))))
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of(Outcome.ACCEPTED, 1L, Outcome.DUPLICATE, 1L));
    }

    @Test
    void flushLeavesNothingBehindAndWritesNothingTwice() {
        AuditRepository log = newRepository();
        for (int i = 0; i < 50; i++) {
            log.recordSoon(delivery(i + 1, Outcome.ACCEPTED, "invitee.created"));
        }

        log.flush();
        log.flush();

        assertThat(log.query(AuditQuery.latest(AuditQuery.MAX_LIMIT)).total()).isEqualTo(50);
    }
}
