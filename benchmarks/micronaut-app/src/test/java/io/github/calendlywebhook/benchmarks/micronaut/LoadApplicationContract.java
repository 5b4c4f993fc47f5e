package io.github.calendlywebhook.benchmarks.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.testing.ConformanceSettings;
import io.github.calendlywebhook.core.testing.SignedHttp;
import io.github.calendlywebhook.core.testing.SignedPayloads;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** What the load test relies on, over HTTP, whichever store the application runs with. */
abstract class LoadApplicationContract {

    static final String PATH = "/api/webhooks/calendly";

    @Inject
    EmbeddedServer server;

    @Test
    void signedDeliveryShouldBeAccepted() throws Exception {
        HttpResponse<String> response = SignedHttp.post(url(server.getPort(), PATH), ConformanceSettings.SECRET,
                SignedPayloads.inviteeCreated());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("accepted");
    }

    @Test
    void replayedDeliveryShouldBeAnsweredAsDuplicate() throws Exception {
        byte[] body = SignedPayloads.inviteeCreated();
        SignedHttp.post(url(server.getPort(), PATH), ConformanceSettings.SECRET, body);

        HttpResponse<String> replay = SignedHttp.post(url(server.getPort(), PATH), ConformanceSettings.SECRET, body);

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("duplicate");
    }

    @Test
    void deliverySignedWithAnotherKeyShouldBeRejected() throws Exception {
        HttpResponse<String> response = SignedHttp.post(url(server.getPort(), PATH), "another-signing-key-0123456789",
                SignedPayloads.inviteeCreated());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("invalid_signature");
    }

    @Test
    void baselineShouldAnswer200WithoutCheckingAnything() throws Exception {
        HttpResponse<String> response = SignedHttp.post(url(server.getPort(), "/baseline"), "any-key-at-all-0123456789",
                SignedPayloads.inviteeCreated());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void serverShouldListenOnLoopbackOnly() {
        assertThat(server.getHost()).isEqualTo("127.0.0.1");
    }

    private static URI url(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
