package io.github.calendlywebhook.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.test.SignedPayloads;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FailedRequestsPolicyTest {

    private final ProcessorFixture fixture = new ProcessorFixture();
    private final WebhookProcessor processor = fixture.builder(ProcessorSettings.failedRequestsPolicy()).build();

    @Test
    void neverThrottlesCorrectlySignedDeliveries() {
        for (int i = 0; i < 30; i++) {
            assertThat(processor.process(Requests.signed(SignedPayloads.inviteeCreated()).build()).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void chargesRequestsThatFailACheck() {
        for (int i = 0; i < 10; i++) {
            assertThat(processor.process(Requests.unsigned(SignedPayloads.inviteeCreated()).build()).status())
                    .isEqualTo(401);
        }

        assertThat(processor.process(Requests.unsigned(SignedPayloads.inviteeCreated()).build()).status())
                .isEqualTo(429);
    }

    @Test
    void refusesEvenASignedDeliveryOnceTheClientIsOverItsLimit() {
        for (int i = 0; i < 10; i++) {
            processor.process(Requests.signed("{}".getBytes(StandardCharsets.UTF_8)).build());
        }

        WebhookResponse response = processor.process(Requests.signed(SignedPayloads.inviteeCreated()).build());

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.headers()).containsKey("Retry-After");
    }

    @Test
    void chargesOnlyTheFailingClient() {
        for (int i = 0; i < 10; i++) {
            processor.process(Requests.unsigned(SignedPayloads.inviteeCreated()).from("203.0.113.20").build());
        }

        assertThat(processor.process(Requests.signed(SignedPayloads.inviteeCreated()).from("203.0.113.21").build())
                .status()).isEqualTo(200);
    }
}
