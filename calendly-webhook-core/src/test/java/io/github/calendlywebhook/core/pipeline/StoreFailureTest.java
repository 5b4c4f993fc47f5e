package io.github.calendlywebhook.core.pipeline;

import io.github.calendlywebhook.core.delivery.DeliveryResult;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.event.CalendlyEventListener;
import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.store.StoreUnavailableException;
import io.github.calendlywebhook.test.SignedPayloads;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StoreFailureTest {

    private final ProcessorFixture fixture = new ProcessorFixture();
    private final AtomicInteger listenerCalls = new AtomicInteger();
    private final CalendlyEventListener listener = new CalendlyEventListener() {
        @Override
        public void onEvent(CalendlyEvent event) {
            listenerCalls.incrementAndGet();
        }
    };

    @Test
    void answers503WithRetryAfterWhenTheStoreIsUnavailable() {
        WebhookProcessor processor = fixture.builder().listener(listener).store(event -> {
            throw new StoreUnavailableException("database down");
        }).build();

        WebhookResponse response = processor.process(Requests.signed(SignedPayloads.inviteeCreated()).build());

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.headers()).containsEntry("Retry-After", "30");
        assertThat(response.body()).contains("\"error\":\"store_unavailable\"").doesNotContain("database down");
        assertThat(listenerCalls).hasValue(0);
        assertThat(fixture.deliveries).extracting(DeliveryResult::outcome).containsExactly(Outcome.STORE_UNAVAILABLE);
    }

    @Test
    void answers503WhenTheStoreFailsUnexpectedly() {
        WebhookProcessor processor = fixture.builder().listener(listener).store(event -> {
            throw new IllegalStateException("bug");
        }).build();

        WebhookResponse response = processor.process(Requests.signed(SignedPayloads.inviteeCreated()).build());

        assertThat(response.status()).isEqualTo(503);
        assertThat(listenerCalls).hasValue(0);
    }

    @Test
    void acceptsTheRetryOnceTheStoreIsBack() {
        AtomicInteger attempts = new AtomicInteger();
        WebhookProcessor processor = fixture.builder().listener(listener).store(event -> {
            if (attempts.incrementAndGet() == 1) {
                throw new StoreUnavailableException("database down");
            }
            return fixture.store.append(event);
        }).build();
        byte[] body = SignedPayloads.inviteeCreated();

        int first = processor.process(Requests.signed(body).build()).status();
        int retry = processor.process(Requests.signed(body).build()).status();

        assertThat(first).isEqualTo(503);
        assertThat(retry).isEqualTo(200);
        assertThat(fixture.store.size()).isEqualTo(1);
        assertThat(listenerCalls).hasValue(1);
    }

    @Test
    void answers503WhenAnyComponentFailsUnexpectedly() {
        WebhookRequest broken = new WebhookRequest("POST", java.util.Map.of(), Requests.ALLOWED_CLIENT,
                new java.io.InputStream() {
                    @Override
                    public int read() {
                        throw new IllegalStateException("adapter bug");
                    }
                }, -1);

        WebhookResponse response = fixture.processor().process(broken);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.headers()).containsKey("Retry-After");
        assertThat(fixture.audit).hasSize(1);
    }
}
