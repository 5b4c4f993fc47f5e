package io.github.calendlywebhook.core.api.health;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.calendlywebhook.core.api.SubscriptionScope;
import io.github.calendlywebhook.core.api.SubscriptionState;
import io.github.calendlywebhook.core.api.WebhookSubscription;
import io.github.calendlywebhook.core.delivery.EventSource;
import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.health.DeliveryHealthTracker;
import io.github.calendlywebhook.core.delivery.DeliveryResult;
import io.github.calendlywebhook.test.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DeliveryHealthMonitorTest {

    private static final String HOOK = "/services/T000/B000/alert-secret";
    private static final String CALLBACK = "https://hooks.example.com/api/webhooks/calendly";

    @RegisterExtension
    static WireMockExtension slack = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-01T10:00:00Z"));
    private final DeliveryHealthTracker tracker = DeliveryHealthTracker.create(clock);
    private RecordingNotifier notifier;
    private DeliveryHealthMonitor monitor;

    @BeforeEach
    void setUp() {
        slack.stubFor(post(HOOK).willReturn(aResponse().withStatus(200).withBody("ok")));
        notifier = new RecordingNotifier(AlertNotifier.slack(URI.create("http://127.0.0.1:" + slack.getPort() + HOOK),
                Duration.ofSeconds(5)));
        monitor = DeliveryHealthMonitor.builder(tracker, notifier).burstThreshold(3)
                .burstWindow(Duration.ofMinutes(5)).build();
    }

    @Test
    void postsOneSlackMessagePerDegradation() {
        for (int i = 0; i < 7; i++) {
            deliver(Outcome.INVALID_SIGNATURE);
        }

        assertThat(notifier.awaitPosts()).containsExactly(true);
        slack.verify(1, postRequestedFor(urlEqualTo(HOOK))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(matchingJsonPath("$.text", containing("signature verification"))));
    }

    @Test
    void postsOnceWhenTheBurstIsOver() {
        burstOf(Outcome.FORBIDDEN);
        clock.advance(Duration.ofMinutes(6));

        monitor.evaluate();
        monitor.evaluate();

        assertThat(notifier.awaitPosts()).containsExactly(true, true);
        assertThat(notifier.alerts).extracting(Alert::kind).containsExactly(Alert.Kind.DEGRADED, Alert.Kind.RECOVERED);
        slack.verify(1, postRequestedFor(urlEqualTo(HOOK))
                .withRequestBody(matchingJsonPath("$.text", containing("recovered"))));
    }

    @Test
    void alertsADisabledSubscriptionOnceAndItsRepairOnce() {
        monitor.observeSubscriptions(List.of(subscription(SubscriptionState.DISABLED, null)));
        monitor.observeSubscriptions(List.of(subscription(SubscriptionState.DISABLED, null)));
        monitor.observeSubscriptions(List.of(subscription(SubscriptionState.ACTIVE, null)));

        assertThat(notifier.awaitPosts()).hasSize(2);
        assertThat(notifier.alerts.get(0).text()).contains("disabled").contains(CALLBACK);
        assertThat(notifier.alerts.get(1).kind()).isEqualTo(Alert.Kind.RECOVERED);
    }

    @Test
    void alertsARetryingSubscription() {
        monitor.observeSubscriptions(List.of(subscription(SubscriptionState.ACTIVE, Instant.parse(
                "2026-03-01T09:00:00Z"))));

        assertThat(monitor.issues()).containsExactly(HealthIssue.SUBSCRIPTION_RETRYING);
        assertThat(notifier.alerts).extracting(Alert::issue).containsExactly(HealthIssue.SUBSCRIPTION_RETRYING);
    }

    @Test
    void rateLimitsARepeatedDegradationOfTheSameIssue() {
        burstOf(Outcome.RATE_LIMITED);
        clock.advance(Duration.ofMinutes(6));
        monitor.evaluate();
        burstOf(Outcome.RATE_LIMITED);

        assertThat(notifier.alerts).extracting(Alert::kind).containsExactly(Alert.Kind.DEGRADED, Alert.Kind.RECOVERED);
        assertThat(monitor.issues()).containsExactly(HealthIssue.RATE_LIMITED_REQUESTS);
    }

    @Test
    void alertsAgainOnceTheIntervalHasPassed() {
        burstOf(Outcome.RATE_LIMITED);
        clock.advance(Duration.ofMinutes(6));
        monitor.evaluate();
        burstOf(Outcome.RATE_LIMITED);
        clock.advance(Duration.ofMinutes(10));

        burstOf(Outcome.RATE_LIMITED);

        assertThat(notifier.alerts).extracting(Alert::kind)
                .containsExactly(Alert.Kind.DEGRADED, Alert.Kind.RECOVERED, Alert.Kind.DEGRADED);
    }

    @Test
    void reportsStoreErrorsAtOnceAndRecoversOnTheNextStoredDelivery() {
        deliver(Outcome.STORE_UNAVAILABLE);
        deliver(Outcome.ACCEPTED);

        assertThat(notifier.alerts).extracting(Alert::issue, Alert::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(HealthIssue.STORE_ERRORS, Alert.Kind.DEGRADED),
                org.assertj.core.groups.Tuple.tuple(HealthIssue.STORE_ERRORS, Alert.Kind.RECOVERED));
    }

    @Test
    void ignoresHealthyDeliveries() {
        for (int i = 0; i < 20; i++) {
            deliver(Outcome.ACCEPTED);
            deliver(Outcome.DUPLICATE);
        }

        assertThat(notifier.alerts).isEmpty();
        assertThat(monitor.issues()).isEmpty();
    }

    @Test
    void reportsATargetAnswering500AsNotDelivered() {
        slack.stubFor(post(HOOK).willReturn(aResponse().withStatus(500)));

        burstOf(Outcome.INVALID_SIGNATURE);

        assertThat(notifier.awaitPosts()).containsExactly(false);
        assertThat(monitor.issues()).containsExactly(HealthIssue.SIGNATURE_FAILURES);
    }

    @Test
    void givesUpOnATargetThatDoesNotAnswerInTime() {
        slack.stubFor(post(HOOK).willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));
        RecordingNotifier slow = new RecordingNotifier(AlertNotifier.slack(
                URI.create("http://127.0.0.1:" + slack.getPort() + HOOK), Duration.ofMillis(200)));
        DeliveryHealthTracker observed = DeliveryHealthTracker.create(clock);
        DeliveryHealthMonitor.builder(observed, slow).storeErrorThreshold(1).build();

        observed.onDelivery(result(Outcome.STORE_UNAVAILABLE));

        assertThat(slow.awaitPosts()).containsExactly(false);
    }

    @Test
    void neverShowsTheAlertUrlPath() {
        assertThat(AlertNotifier.slack(URI.create("https://hooks.example.com" + HOOK)).toString())
                .doesNotContain("alert-secret");
    }

    @Test
    void readsTheTrackerItIsBuiltOn() {
        assertThat(monitor.tracker()).isSameAs(tracker);
    }

    @Test
    void refusesABurstThresholdTheTrackerCannotCount() {
        assertThatIllegalArgumentException().isThrownBy(() -> DeliveryHealthMonitor.builder(tracker, notifier)
                .burstThreshold(DeliveryHealthTracker.CAPACITY + 1)).withMessageContaining("burstThreshold");
    }

    private void deliver(Outcome outcome) {
        tracker.onDelivery(result(outcome));
    }

    private static DeliveryResult result(Outcome outcome) {
        return new DeliveryResult(outcome, null, EventSource.WEBHOOK, "203.0.113.7", Duration.ofMillis(3));
    }

    private void burstOf(Outcome outcome) {
        for (int i = 0; i < 3; i++) {
            deliver(outcome);
        }
    }

    private static WebhookSubscription subscription(SubscriptionState state, Instant retryStartedAt) {
        return new WebhookSubscription("https://api.calendly.com/webhook_subscriptions/S1", CALLBACK, state,
                retryStartedAt, List.of("invitee.created"), SubscriptionScope.ORGANIZATION, null, null, null, null,
                null);
    }
}
