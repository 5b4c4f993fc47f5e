package io.github.calendlywebhook.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.test.SignedPayloads;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each test breaks two checks at once; the earlier check in the documented order decides. */
class CheckOrderTest {

    private static final byte[] NOT_JSON = "not json".getBytes(StandardCharsets.UTF_8);

    private final ProcessorFixture fixture = new ProcessorFixture();
    private final WebhookProcessor processor = fixture.processor();

    @Test
    void methodIsCheckedBeforeTheClientAddress() {
        assertThat(status(Requests.unsigned(NOT_JSON).method("PUT").from("198.51.100.7"))).isEqualTo(405);
    }

    @Test
    void clientAddressIsCheckedBeforeTheRateLimit() {
        for (int i = 0; i < 12; i++) {
            processor.process(Requests.unsigned(NOT_JSON).from("198.51.100.7").build());
        }

        assertThat(status(Requests.unsigned(NOT_JSON).from("198.51.100.7"))).isEqualTo(403);
    }

    @Test
    void rateLimitIsCheckedBeforeTheBodySize() {
        for (int i = 0; i < 10; i++) {
            processor.process(Requests.unsigned(NOT_JSON).build());
        }

        assertThat(status(Requests.unsigned(NOT_JSON).contentLength(10_000_000))).isEqualTo(429);
    }

    @Test
    void bodySizeIsCheckedBeforeTheContentType() {
        assertThat(status(Requests.unsigned(NOT_JSON).contentLength(10_000_000).header("Content-Type", "text/plain")))
                .isEqualTo(413);
    }

    @Test
    void contentTypeIsCheckedBeforeTheSignature() {
        assertThat(status(Requests.unsigned(NOT_JSON).header("Content-Type", "text/plain"))).isEqualTo(415);
    }

    @Test
    void signatureIsCheckedBeforeTheEnvelope() {
        assertThat(status(Requests.unsigned(NOT_JSON))).isEqualTo(401);
    }

    @Test
    void envelopeIsCheckedBeforeStoring() {
        assertThat(status(Requests.signed(NOT_JSON))).isEqualTo(400);
        assertThat(fixture.store.size()).isZero();
    }

    @Test
    void aValidDeliveryPassesEveryCheck() {
        assertThat(status(Requests.signed(SignedPayloads.inviteeCanceled()))).isEqualTo(200);
    }

    private int status(Requests request) {
        return processor.process(request.build()).status();
    }
}
