package io.github.calendlywebhook.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.publication.PublicationCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryHealthTest {

    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);

    @Test
    void anEndpointWithoutDeliveriesShouldBeUp() {
        DeliveryHealth health = DeliveryHealth.assess(DeliveryActivity.none(NOW, WINDOW), StoreStatus.REACHABLE);

        assertThat(health.status()).isEqualTo(DeliveryHealth.Status.UP);
        assertThat(health.warnings()).isEmpty();
    }

    @Test
    void signatureFailuresShouldDegradeWithAdviceAboutTheSecret() {
        DeliveryHealth health = DeliveryHealth.assess(activity(Map.of(Outcome.INVALID_SIGNATURE, 2L), false),
                StoreStatus.REACHABLE);

        assertThat(health.status()).isEqualTo(DeliveryHealth.Status.DEGRADED);
        assertThat(health.rejections()).containsExactly(Map.entry("invalid_signature", 2L));
        assertThat(health.warnings()).singleElement().asString().startsWith("2 signature failures (401)")
                .contains("CALENDLY_WEBHOOK_SECRET");
    }

    @Test
    void forgedForwardingHeadersShouldDegradeWithAdviceAboutTheProxy() {
        DeliveryHealth health = DeliveryHealth.assess(activity(Map.of(Outcome.FORWARDING_HEADERS_INVALID, 3L), false),
                StoreStatus.REACHABLE);

        assertThat(health.status()).isEqualTo(DeliveryHealth.Status.DEGRADED);
        assertThat(health.warnings()).singleElement().asString().startsWith("3 requests from a trusted proxy")
                .contains("forwarding headers (403)");
    }

    @Test
    void malformedPayloadsAloneShouldBeCountedWithoutDegrading() {
        DeliveryHealth health = DeliveryHealth.assess(activity(Map.of(Outcome.MALFORMED_PAYLOAD, 4L), false),
                StoreStatus.REACHABLE);

        assertThat(health.status()).isEqualTo(DeliveryHealth.Status.UP);
        assertThat(health.rejections()).containsEntry("malformed_payload", 4L);
    }

    @Test
    void aFailingStoreShouldBeDownWhateverTheProbeSaid() {
        DeliveryHealth health = DeliveryHealth.assess(activity(Map.of(Outcome.STORE_UNAVAILABLE, 1L), true),
                StoreStatus.REACHABLE);

        assertThat(health.status()).isEqualTo(DeliveryHealth.Status.DOWN);
        assertThat(health.store()).isEqualTo(StoreStatus.FAILING);
        assertThat(health.warnings()).singleElement().asString().contains("database was unavailable (503)");
    }

    @Test
    void missingTablesShouldBeDown() {
        DeliveryHealth health = DeliveryHealth.assess(DeliveryActivity.none(NOW, WINDOW), StoreStatus.TABLES_MISSING);

        assertThat(health.status()).isEqualTo(DeliveryHealth.Status.DOWN);
    }

    @Test
    void detailsShouldNameEveryFieldAndSayNoneForDeliveriesNotSeen() {
        SeenDelivery accepted = new SeenDelivery(NOW.minusSeconds(60), Outcome.ACCEPTED, EventSource.WEBHOOK,
                "invitee.created");
        DeliveryActivity activity = new DeliveryActivity(NOW, WINDOW, accepted, accepted, accepted,
                Map.of(Outcome.FORBIDDEN, 3L), false);

        Map<String, Object> details = DeliveryHealth.assess(activity, StoreStatus.REACHABLE).details();

        assertThat(details).containsOnlyKeys("state", "store", "lastDelivery", "lastAcknowledgedDelivery",
                "lastAcceptedDelivery", "recentRejections", "window", "warnings");
        assertThat(details).containsEntry("state", "DEGRADED").containsEntry("store", "reachable")
                .containsEntry("lastAcceptedDelivery", "2026-01-15T09:59:00Z")
                .containsEntry("recentRejections", Map.of("forbidden", 3L)).containsEntry("window", "PT15M");
        assertThat(DeliveryHealth.assess(DeliveryActivity.none(NOW, WINDOW), StoreStatus.REACHABLE).details())
                .containsEntry("lastDelivery", "none").containsEntry("warnings", List.of());
    }

    @Test
    void parkedListenerPublicationsShouldDegradeTheHealthAndShowInTheDetails() {
        DeliveryHealth healthy = DeliveryHealth.assess(DeliveryActivity.none(NOW, WINDOW), StoreStatus.REACHABLE);

        DeliveryHealth health = healthy.withListeners(new PublicationCounts(1, 2, 3));

        assertThat(health.status()).isEqualTo(DeliveryHealth.Status.DEGRADED);
        assertThat(health.warnings()).singleElement().asString().startsWith("3 listener publications are parked");
        assertThat(health.details()).containsEntry("listenerPublications",
                Map.of("pending", 1L, "retrying", 2L, "parked", 3L));
    }

    @Test
    void retryingListenerPublicationsShouldLeaveTheHealthUp() {
        DeliveryHealth healthy = DeliveryHealth.assess(DeliveryActivity.none(NOW, WINDOW), StoreStatus.REACHABLE);

        DeliveryHealth health = healthy.withListeners(new PublicationCounts(0, 5, 0));

        assertThat(health.status()).isEqualTo(DeliveryHealth.Status.UP);
        assertThat(health.warnings()).isEmpty();
    }

    private static DeliveryActivity activity(Map<Outcome, Long> rejections, boolean storeFailing) {
        return new DeliveryActivity(NOW, WINDOW, null, null, null, rejections, storeFailing);
    }
}
