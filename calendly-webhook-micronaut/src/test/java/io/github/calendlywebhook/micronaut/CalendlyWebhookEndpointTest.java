package io.github.calendlywebhook.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.event.InviteeCreatedEvent;
import io.github.calendlywebhook.core.signature.SignatureVerifier;
import io.github.calendlywebhook.test.SignedPayloads;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The endpoint on the real Netty server: Micronaut leaves every decision to the core processor.
 * Micronaut's own {@code client-address-header} is set to prove the endpoint ignores it.
 */
@MicronautTest
@Property(name = "spec.name", value = CalendlyWebhookEndpointTest.SPEC)
@Property(name = "calendly.webhook.secret", value = CalendlyWebhookEndpointTest.SECRET)
@Property(name = "calendly.webhook.path", value = "/hooks/calendly")
@Property(name = "calendly.webhook.allowed-ips", value = "127.0.0.1/32,::1/128")
@Property(name = "calendly.webhook.rate-limit.enabled", value = "false")
@Property(name = "calendly.webhook.max-body-size", value = "16KB")
@Property(name = "micronaut.server.client-address-header", value = "X-Forwarded-For")
class CalendlyWebhookEndpointTest {

    static final String SPEC = "endpoint";
    static final String SECRET = "endpoint-test-secret-0123456789";

    private final HttpClient client = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Inject
    Listener listener;

    private HttpResponse<String> send(String method, String contentType, byte[] body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/hooks/calendly"))
                .method(method, BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> post(byte[] body, String... headers) throws IOException, InterruptedException {
        String[] all = new String[headers.length + 2];
        all[0] = SignatureVerifier.HEADER;
        all[1] = SignedPayloads.sign(SECRET, body, Instant.now());
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send("POST", "application/json", body, all);
    }

    @Test
    void signedDeliveryShouldBeAcceptedAndPublishedAsTypedEvent() throws Exception {
        String uri = SignedPayloads.newInviteeUri();

        HttpResponse<String> response = post(SignedPayloads.inviteeCreated(uri));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(response.body()).contains("accepted");
        assertThat(listener.created).anySatisfy(event -> assertThat(event.invitee().uri()).isEqualTo(uri));
    }

    @Test
    void rawBodyBytesShouldBeVerifiedAsSent() throws Exception {
        String json = new String(SignedPayloads.inviteeCreated(), StandardCharsets.UTF_8);
        byte[] body = ("\n  " + json.replace(",", " ,\t") + "  \n").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = post(body);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void getShouldBeAnsweredByTheCoreWith405() throws Exception {
        HttpResponse<String> response = send("GET", "application/json", new byte[0]);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).contains("\"error\":\"method_not_allowed\"");
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void headShouldBeAnsweredByTheCoreWith405() throws Exception {
        HttpResponse<String> response = send("HEAD", "application/json", new byte[0]);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void putShouldBeAnsweredByTheCoreWith405() throws Exception {
        HttpResponse<String> response = send("PUT", "application/json", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).contains("\"error\":\"method_not_allowed\"");
    }

    @Test
    void nonJsonContentTypeShouldBeAnsweredByTheCoreWith415() throws Exception {
        HttpResponse<String> response = send("POST", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("\"error\":\"unsupported_media_type\"");
    }

    @Test
    void formContentTypeShouldBeAnsweredByTheCoreWith415() throws Exception {
        HttpResponse<String> response = send("POST", "application/x-www-form-urlencoded", "a=1".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("\"error\":\"unsupported_media_type\"");
    }

    @Test
    void bodyAboveTheConfiguredLimitShouldBeAnsweredByTheCoreWith413() throws Exception {
        HttpResponse<String> response = send("POST", "application/json", new byte[17 * 1024]);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"error\":\"payload_too_large\"");
    }

    @Test
    void forwardedHeaderFromAnUntrustedPeerShouldBeIgnored() throws Exception {
        HttpResponse<String> response = post(SignedPayloads.inviteeCreated(), "X-Forwarded-For", "198.51.100.7");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void unsignedDeliveryShouldBeAnsweredByTheCoreWith401() throws Exception {
        HttpResponse<String> response = send("POST", "application/json", SignedPayloads.inviteeCreated());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"error\":\"invalid_signature\"");
    }

    /** An application bean listening for typed events. */
    @Singleton
    @Requires(property = "spec.name", value = SPEC)
    static class Listener {

        final List<InviteeCreatedEvent> created = new CopyOnWriteArrayList<>();

        @EventListener
        void on(InviteeCreatedEvent event) {
            created.add(event);
        }
    }
}
