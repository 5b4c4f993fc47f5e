package io.github.calendlywebhook.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.test.SignedPayloads;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WebhookProcessorTest {

    private final ProcessorFixture fixture = new ProcessorFixture();
    private final WebhookProcessor processor = fixture.processor();

    @Test
    void acceptsASignedDeliveryAndStoresIt() {
        WebhookResponse response = processor.process(Requests.signed(SignedPayloads.inviteeCreated()).build());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"accepted\"}");
        assertThat(fixture.store.size()).isEqualTo(1);
    }

    @Test
    void acknowledgesARepeatedDeliveryAsADuplicate() {
        byte[] body = SignedPayloads.inviteeCreated();
        processor.process(Requests.signed(body).build());

        WebhookResponse second = processor.process(Requests.signed(body).build());

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).isEqualTo("{\"status\":\"duplicate\"}");
        assertThat(fixture.store.size()).isEqualTo(1);
    }

    @Test
    void acceptsTheSetupGuideExamplesUnderTheLegacyHeader() {
        byte[] body = SignedPayloads.seedInviteeCreated();

        WebhookResponse response = processor.process(Requests.unsigned(body)
                .header("X-Calendly-Signature", SignedPayloads.sign(body, Requests.NOW)).build());

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void refusesOtherMethodsWithAnAllowHeader() {
        WebhookResponse response = processor.process(Requests.signed(SignedPayloads.inviteeCreated())
                .method("GET").build());

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.headers()).containsEntry("Allow", "POST");
        assertThat(response.body()).contains("\"error\":\"method_not_allowed\"");
    }

    @Test
    void forbidsClientsOutsideTheAllowlist() {
        WebhookResponse response = processor.process(Requests.signed(SignedPayloads.inviteeCreated())
                .from("198.51.100.7").build());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("\"error\":\"forbidden\"");
    }

    @Test
    void honoursForwardingHeadersFromATrustedProxy() {
        WebhookResponse response = processor.process(Requests.signed(SignedPayloads.inviteeCreated())
                .from("127.0.0.1").header("X-Forwarded-For", "203.0.113.44").build());

        assertThat(response.status()).isEqualTo(200);
        assertThat(fixture.deliveries.get(0).clientAddress()).isEqualTo("203.0.113.44");
    }

    @Test
    void ignoresForwardingHeadersFromAnyoneElse() {
        WebhookResponse response = processor.process(Requests.signed(SignedPayloads.inviteeCreated())
                .from("198.51.100.7").header("X-Forwarded-For", "203.0.113.44").build());

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void forbidsAPeerThatIsNotAnAddressWhenAnAllowlistIsSet() {
        WebhookResponse response = processor.process(Requests.signed(SignedPayloads.inviteeCreated())
                .from("unix:/run/socket").build());

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void rateLimitsAClientAfterTenRequestsWithRetryAfter() {
        for (int i = 0; i < 10; i++) {
            assertThat(processor.process(Requests.signed(SignedPayloads.inviteeCreated()).build()).status())
                    .isEqualTo(200);
        }

        WebhookResponse response = processor.process(Requests.signed(SignedPayloads.inviteeCreated()).build());

        assertThat(response.status()).isEqualTo(429);
        assertThat(Long.parseLong(response.headers().get("Retry-After"))).isBetween(1L, 60L);
        assertThat(response.body()).contains("\"error\":\"rate_limited\"");
    }

    @Test
    void refusesADeclaredOversizedBodyWithoutReadingIt() {
        AtomicLong read = new AtomicLong();
        WebhookRequest request = new WebhookRequest("POST", Map.of("Content-Type", List.of("application/json")),
                Requests.ALLOWED_CLIENT, counting(new ByteArrayInputStream(new byte[10]), read), 100L * 1024 * 1024);

        WebhookResponse response = processor.process(request);

        assertThat(response.status()).isEqualTo(413);
        assertThat(read).hasValue(0);
    }

    @Test
    void refusesAnUndeclaredOversizedBodyAfterReadingOneByteTooMany() {
        AtomicLong read = new AtomicLong();
        long limit = processor.settings().maxBodySize();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return ' ';
            }
        };
        WebhookRequest request = new WebhookRequest("POST", Map.of("Content-Type", List.of("application/json")),
                Requests.ALLOWED_CLIENT, counting(endless, read), -1);

        WebhookResponse response = processor.process(request);

        assertThat(response.status()).isEqualTo(413);
        assertThat(read.get()).isEqualTo(limit + 1);
    }

    @Test
    void acceptsABodyOfExactlyTheLimit() {
        WebhookSettings settings = ProcessorSettings.withMaxBodySize(4096);
        byte[] body = ProcessorSettings.padTo(SignedPayloads.inviteeCreated(), 4096);
        WebhookProcessor small = fixture.builder(settings).build();

        WebhookResponse response = small.process(Requests.signed(body).contentLength(-1).build());

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void refusesANonJsonContentType() {
        WebhookResponse response = processor.process(Requests.signed(SignedPayloads.inviteeCreated())
                .header("Content-Type", "text/plain").build());

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.body()).contains("\"error\":\"unsupported_media_type\"");
    }

    @Test
    void refusesAMissingContentType() {
        WebhookResponse response = processor.process(Requests.signed(SignedPayloads.inviteeCreated())
                .withoutHeader("Content-Type").build());

        assertThat(response.status()).isEqualTo(415);
    }

    @Test
    void acceptsAJsonContentTypeWithACharset() {
        WebhookResponse response = processor.process(Requests.signed(SignedPayloads.inviteeCreated())
                .header("content-type", "Application/JSON; charset=UTF-8").build());

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void refusesAMissingSignature() {
        WebhookResponse response = processor.process(Requests.unsigned(SignedPayloads.inviteeCreated()).build());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).contains("\"error\":\"invalid_signature\"");
        assertThat(fixture.store.size()).isZero();
    }

    @Test
    void refusesASignatureMadeWithAnotherSecret() {
        byte[] body = SignedPayloads.inviteeCreated();

        WebhookResponse response = processor.process(Requests.unsigned(body)
                .header("Calendly-Webhook-Signature", SignedPayloads.sign("another-secret", body, Requests.NOW))
                .build());

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void refusesASignatureOutsideTheTolerance() {
        byte[] body = SignedPayloads.inviteeCreated();

        WebhookResponse response = processor.process(Requests.unsigned(body)
                .header("Calendly-Webhook-Signature", SignedPayloads.sign(body, Requests.NOW.minus(Duration.ofMinutes(4))))
                .build());

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void refusesARepeatedSignatureHeaderWithDifferentValues() {
        byte[] body = SignedPayloads.inviteeCreated();
        String valid = SignedPayloads.sign(body, Requests.NOW);

        WebhookResponse response = processor.process(Requests.unsigned(body)
                .header("Calendly-Webhook-Signature", valid, "t=1,v1=00").build());

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void acceptsARepeatedSignatureHeaderWithTheSameValue() {
        byte[] body = SignedPayloads.inviteeCreated();
        String valid = SignedPayloads.sign(body, Requests.NOW);

        WebhookResponse response = processor.process(Requests.unsigned(body)
                .header("Calendly-Webhook-Signature", valid, valid).build());

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void prefersTheCalendlyHeaderOverTheLegacyOne() {
        byte[] body = SignedPayloads.inviteeCreated();

        WebhookResponse response = processor.process(Requests.unsigned(body)
                .header("Calendly-Webhook-Signature", "t=1,v1=00")
                .header("X-Calendly-Signature", SignedPayloads.sign(body, Requests.NOW)).build());

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void refusesASignedBodyThatIsNotAnEnvelope() {
        WebhookResponse response = processor.process(Requests.signed("{\"event\":".getBytes(StandardCharsets.UTF_8))
                .build());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).startsWith("{\"error\":\"malformed_payload\",\"message\":\"body is not valid JSON");
    }

    @Test
    void refusesABodyThatCannotBeRead() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        WebhookRequest request = new WebhookRequest("POST", Map.of("Content-Type", List.of("application/json")),
                Requests.ALLOWED_CLIENT, failing, -1);

        WebhookResponse response = processor.process(request);

        assertThat(response.status()).isEqualTo(400);
        assertThat(fixture.deliveries.get(0).outcome()).isEqualTo(Outcome.MALFORMED_PAYLOAD);
    }

    private static InputStream counting(InputStream in, AtomicLong read) {
        return new java.io.FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    read.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    read.addAndGet(n);
                }
                return n;
            }
        };
    }
}
