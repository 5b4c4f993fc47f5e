package io.github.calendlywebhook.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.calendlywebhook.core.event.InviteeCreatedEvent;
import io.github.calendlywebhook.core.signature.SignatureVerifier;
import io.github.calendlywebhook.test.SignedPayloads;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Micronaut's {@code /health} on the real Netty server renders core's delivery-health model. */
@MicronautTest
@Property(name = "spec.name", value = CalendlyWebhookHealthIndicatorTest.SPEC)
@Property(name = "calendly.webhook.secret", value = CalendlyWebhookHealthIndicatorTest.SECRET)
@Property(name = "calendly.webhook.rate-limit.enabled", value = "false")
@Property(name = "endpoints.health.details-visible", value = "ANONYMOUS")
@Property(name = "endpoints.health.disk-space.enabled", value = "false")
class CalendlyWebhookHealthIndicatorTest {

    static final String SPEC = "health";
    static final String SECRET = "health-test-secret-0123456789";
    static final String PARKED = SPEC + "-parked";

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    EmbeddedServer server;

    @Test
    void healthAfterAnAcceptedDeliveryShouldBeUpAndShowIt() throws Exception {
        deliver(server, SECRET);

        HttpResponse<String> health = health(server);

        JsonNode indicator = indicator(health);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(indicator.path("status").asText()).isEqualTo("UP");
        assertThat(indicator.path("details").path("store").asText()).isEqualTo("reachable");
        assertThat(indicator.path("details").path("lastAcceptedDelivery").asText()).isNotEqualTo("none");
    }

    @Test
    void healthAfterAForgedDeliveryShouldStayUpSayDegradedAndCountItByReason() throws Exception {
        deliver(server, "not-the-secret-0123456789");

        JsonNode details = indicator(health(server)).path("details");

        assertThat(details.path("state").asText()).isEqualTo("DEGRADED");
        assertThat(details.path("recentRejections").path("invalid_signature").asLong()).isEqualTo(1);
        assertThat(details.path("warnings").toString()).contains("signature failures (401)");
    }

    @Test
    void healthWhileTheDatabaseIsDownShouldBeDownAndAnswered503() throws Exception {
        try (EmbeddedServer down = ApplicationContext.run(EmbeddedServer.class, Map.of("spec.name", JdbcStoreTest.DOWN,
                "calendly.webhook.secret", SECRET, "endpoints.health.details-visible", "ANONYMOUS",
                "endpoints.health.disk-space.enabled", "false"))) {
            HttpResponse<String> before = health(down);
            int delivery = deliver(down, SECRET);
            HttpResponse<String> after = health(down);

            assertThat(before.statusCode()).isEqualTo(503);
            assertThat(indicator(before).path("details").path("store").asText()).isEqualTo("unreachable");
            assertThat(delivery).isEqualTo(503);
            assertThat(indicator(after).path("status").asText()).isEqualTo("DOWN");
            assertThat(indicator(after).path("details").path("store").asText()).isEqualTo("unavailable");
        }
    }

    @Test
    void indicatorWhenTurnedOffShouldNotBeListed() throws Exception {
        try (EmbeddedServer off = ApplicationContext.run(EmbeddedServer.class, Map.of("calendly.webhook.secret", SECRET,
                "endpoints.health.details-visible", "ANONYMOUS", CalendlyWebhookHealthIndicator.ENABLED, "false"))) {
            JsonNode body = json.readTree(health(off).body());

            assertThat(body.path("details").has(CalendlyWebhookHealthIndicator.NAME)).isFalse();
            assertThat(body.path("details").size()).isPositive();
        }
    }

    @Test
    void healthWhileListenerPublicationsAreParkedShouldSayDegradedWithTheirCounts() throws Exception {
        try (EmbeddedServer parked = ApplicationContext.run(EmbeddedServer.class, Map.of("spec.name", PARKED,
                "calendly.webhook.secret", SECRET, "endpoints.health.details-visible", "ANONYMOUS",
                "endpoints.health.disk-space.enabled", "false", "calendly.webhook.listeners.max-attempts", "1"))) {
            deliver(parked, SECRET);

            JsonNode details = indicator(health(parked)).path("details");

            assertThat(details.path("state").asText()).isEqualTo("DEGRADED");
            assertThat(details.path("listenerPublications").path("parked").asLong()).isEqualTo(1);
            assertThat(details.path("warnings").toString()).contains("listener publications are parked");
        }
    }

    /** A listener whose CRM is always down. */
    @Singleton
    @Requires(property = "spec.name", value = PARKED)
    static class DownCrm {

        @EventListener
        void on(InviteeCreatedEvent event) {
            throw new IllegalStateException("the CRM is down");
        }
    }

    private int deliver(EmbeddedServer target, String secret) throws IOException, InterruptedException {
        byte[] body = SignedPayloads.inviteeCreated(SignedPayloads.newInviteeUri());
        HttpRequest request = HttpRequest.newBuilder(URI.create(base(target) + "/api/webhooks/calendly"))
                .POST(BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json")
                .header(SignatureVerifier.HEADER, SignedPayloads.sign(secret, body, Instant.now())).build();
        return client.send(request, BodyHandlers.discarding()).statusCode();
    }

    private HttpResponse<String> health(EmbeddedServer target) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base(target) + "/health")).build(), BodyHandlers.ofString());
    }

    private JsonNode indicator(HttpResponse<String> health) throws IOException {
        JsonNode indicator = json.readTree(health.body()).path("details").path(CalendlyWebhookHealthIndicator.NAME);
        assertThat(indicator.isMissingNode()).as("calendlyWebhook in %s", health.body()).isFalse();
        return indicator;
    }

    private static String base(EmbeddedServer target) {
        return "http://127.0.0.1:" + target.getPort();
    }
}
