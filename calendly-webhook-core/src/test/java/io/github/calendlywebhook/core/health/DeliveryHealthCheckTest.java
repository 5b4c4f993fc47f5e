package io.github.calendlywebhook.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.audit.AuditEntry;
import io.github.calendlywebhook.core.audit.AuditRepository;
import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.store.InMemoryEventStore;
import io.github.calendlywebhook.core.store.JdbcSchema;
import io.github.calendlywebhook.core.store.ProjectingEventStore;
import io.github.calendlywebhook.test.MutableClock;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class DeliveryHealthCheckTest {

    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    private final MutableClock clock = MutableClock.at(NOW);

    @Test
    void jdbcProbeShouldReportADatabaseWithItsTablesReachable() {
        JdbcDataSource dataSource = h2();
        JdbcSchema.create(dataSource);

        assertThat(StoreProbe.of(ProjectingEventStore.jdbc(dataSource), dataSource).probe())
                .isEqualTo(StoreStatus.REACHABLE);
    }

    @Test
    void jdbcProbeShouldReportMissingTables() throws Exception {
        JdbcDataSource dataSource = h2();
        JdbcSchema.create(dataSource);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP ALL OBJECTS");
        }

        assertThat(StoreProbe.jdbc(dataSource).probe()).isEqualTo(StoreStatus.TABLES_MISSING);
    }

    @Test
    void jdbcProbeShouldReportADatabaseThatCannotBeReached() {
        assertThat(StoreProbe.jdbc(unreachable()).probe()).isEqualTo(StoreStatus.UNREACHABLE);
    }

    @Test
    void aStoreWithoutADatabaseShouldNotBeProbed() {
        assertThat(StoreProbe.of(new InMemoryEventStore(), h2()).probe()).isEqualTo(StoreStatus.REACHABLE);
    }

    @Test
    void checkShouldNotProbeAStoreTheDeliveriesAlreadyReportFailing() {
        DeliveryHealthTracker tracker = DeliveryHealthTracker.create(clock);
        AtomicInteger probes = new AtomicInteger();
        DeliveryHealthCheck check = DeliveryHealthCheck.of(tracker, () -> {
            probes.incrementAndGet();
            return StoreStatus.REACHABLE;
        });
        tracker.onDelivery(DeliveryHealthTrackerTest.result(Outcome.STORE_UNAVAILABLE));

        DeliveryHealth health = check.check();

        assertThat(health.status()).isEqualTo(DeliveryHealth.Status.DOWN);
        assertThat(health.store()).isEqualTo(StoreStatus.FAILING);
        assertThat(probes).hasValue(0);
    }

    @Test
    void auditSourceShouldCountRejectionsAndFindTheNewestDeliveriesPastAdminActions() {
        AuditRepository audit = AuditRepository.inMemory();
        audit.record(delivery(NOW.minus(Duration.ofHours(30)), Outcome.FORBIDDEN, null));
        audit.record(delivery(NOW.minus(Duration.ofHours(3)), Outcome.ACCEPTED, "invitee.created"));
        audit.record(delivery(NOW.minus(Duration.ofHours(2)), Outcome.DUPLICATE, "invitee.created"));
        audit.record(delivery(NOW.minus(Duration.ofHours(1)), Outcome.INVALID_SIGNATURE, null));
        audit.record(delivery(NOW.minus(Duration.ofMinutes(30)), Outcome.INVALID_SIGNATURE, null));
        audit.record(new AuditEntry(NOW.minus(Duration.ofMinutes(5)), "admin.login.success", null, 0, null, null,
                null, null, null, EventSource.WEBHOOK, 1));

        DeliveryHealth health = DeliveryHealthCheck.ofAuditLog(audit, StoreProbe.none(), clock, Duration.ofHours(24))
                .check();

        assertThat(health.rejections()).containsExactly(Map.entry("invalid_signature", 2L));
        assertThat(health.deliveries()).containsExactly(Map.entry("accepted", 1L), Map.entry("duplicate", 1L),
                Map.entry("invalid_signature", 2L));
        assertThat(health.lastAccepted()).extracting(SeenDelivery::eventName).isEqualTo("invitee.created");
        assertThat(health.lastAcknowledged()).extracting(SeenDelivery::outcome).isEqualTo(Outcome.DUPLICATE);
        assertThat(health.lastDelivery()).extracting(SeenDelivery::at).isEqualTo(NOW.minus(Duration.ofMinutes(30)));
        assertThat(health.status()).isEqualTo(DeliveryHealth.Status.DEGRADED);
    }

    @Test
    void auditSourceShouldReportTheStoreFailingWhileNoDeliveryWasStoredSinceA503() {
        AuditRepository audit = AuditRepository.inMemory();
        audit.record(delivery(NOW.minus(Duration.ofMinutes(10)), Outcome.ACCEPTED, "invitee.created"));
        audit.record(delivery(NOW.minus(Duration.ofMinutes(5)), Outcome.STORE_UNAVAILABLE, "invitee.created"));

        DeliveryActivity activity = DeliveryActivitySource.audit(audit, clock, Duration.ofHours(24)).activity();

        assertThat(activity.storeFailing()).isTrue();
    }

    @Test
    void checkShouldReportAnAuditDatabaseThatCannotBeReadAsDown() {
        DeliveryActivitySource source = DeliveryActivitySource.audit(AuditRepository.jdbc(unreachable()), clock,
                Duration.ofHours(24));

        DeliveryHealth health = DeliveryHealthCheck.of(source, StoreProbe.none(), clock, Duration.ofHours(24))
                .check();

        assertThat(health.status()).isEqualTo(DeliveryHealth.Status.DOWN);
        assertThat(health.store()).isEqualTo(StoreStatus.UNREACHABLE);
        assertThat(health.checkedAt()).isEqualTo(NOW);
    }

    private static AuditEntry delivery(Instant at, Outcome outcome, String eventName) {
        return AuditEntry.delivery(at, outcome, "203.0.113.7", eventName, null, null, Duration.ofMillis(2),
                EventSource.WEBHOOK);
    }

    private static JdbcDataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    private static JdbcDataSource unreachable() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:/nonexistent-directory/calendly-health;IFEXISTS=TRUE");
        return dataSource;
    }
}
