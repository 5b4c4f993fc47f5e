package io.github.calendlywebhook.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.audit.AuditEntry;
import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.store.AppendResult;
import io.github.calendlywebhook.core.store.StoreUnavailableException;
import io.github.calendlywebhook.test.SignedPayloads;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuditTrailTest {

    private final ProcessorFixture fixture = new ProcessorFixture();

    @Test
    void auditsEveryKindOfOutcome() {
        boolean[] storeDown = {false};
        WebhookProcessor processor = fixture.builder().store(event -> {
            if (storeDown[0]) {
                throw new StoreUnavailableException("down");
            }
            return fixture.store.append(event);
        }).build();
        byte[] body = SignedPayloads.inviteeCreated();

        processor.process(Requests.signed(body).build());
        processor.process(Requests.signed(body).build());
        processor.process(Requests.signed(body).method("GET").from("203.0.113.2").build());
        processor.process(Requests.signed(body).from("198.51.100.7").build());
        processor.process(Requests.signed(body).from("203.0.113.3").contentLength(1L << 30).build());
        processor.process(Requests.signed(body).from("203.0.113.3").header("Content-Type", "text/xml").build());
        processor.process(Requests.unsigned(body).from("203.0.113.3").build());
        processor.process(Requests.signed("[]".getBytes(StandardCharsets.UTF_8)).from("203.0.113.3").build());
        storeDown[0] = true;
        processor.process(Requests.signed(SignedPayloads.inviteeCanceled()).from("203.0.113.3").build());
        for (int i = 0; i < 11; i++) {
            processor.process(Requests.signed(body).from("203.0.113.4").build());
        }

        assertThat(fixture.audit).extracting(AuditEntry::outcome).containsExactly(Outcome.ACCEPTED, Outcome.DUPLICATE,
                Outcome.METHOD_NOT_ALLOWED, Outcome.FORBIDDEN, Outcome.PAYLOAD_TOO_LARGE,
                Outcome.UNSUPPORTED_MEDIA_TYPE, Outcome.INVALID_SIGNATURE, Outcome.MALFORMED_PAYLOAD,
                Outcome.STORE_UNAVAILABLE, Outcome.STORE_UNAVAILABLE, Outcome.RATE_LIMITED);
        assertThat(fixture.audit).allSatisfy(entry -> assertThat(entry.status()).isEqualTo(entry.outcome().status()));
    }

    @Test
    void writesARejectionFloodAsTwoEntries() {
        WebhookProcessor processor = fixture.builder(ProcessorSettings.withoutRateLimit()).build();
        for (int i = 0; i < 500; i++) {
            processor.process(Requests.unsigned(SignedPayloads.inviteeCreated()).build());
        }

        processor.flushAudit();

        assertThat(fixture.audit).extracting(AuditEntry::count).containsExactly(1L, 499L);
        assertThat(fixture.deliveries).hasSize(500);
    }

    @Test
    void writesTheFloodSumOnceTheWindowHasPassed() {
        WebhookProcessor processor = fixture.builder(ProcessorSettings.withoutRateLimit()).build();
        for (int i = 0; i < 5; i++) {
            processor.process(Requests.unsigned(SignedPayloads.inviteeCreated()).build());
        }
        fixture.clock.advance(Duration.ofMinutes(2));

        processor.process(Requests.signed(SignedPayloads.inviteeCreated()).build());

        assertThat(fixture.audit).extracting(AuditEntry::outcome, AuditEntry::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Outcome.INVALID_SIGNATURE, 1L),
                org.assertj.core.groups.Tuple.tuple(Outcome.INVALID_SIGNATURE, 4L),
                org.assertj.core.groups.Tuple.tuple(Outcome.ACCEPTED, 1L));
    }

    @Test
    void recordsTheProcessingTimeFromTheClock() {
        WebhookProcessor processor = fixture.builder().store(event -> {
            fixture.clock.advance(Duration.ofMillis(250));
            return AppendResult.STORED;
        }).build();

        processor.process(Requests.signed(SignedPayloads.inviteeCreated()).build());

        assertThat(fixture.audit.get(0).processingTime()).isEqualTo(Duration.ofMillis(250));
        assertThat(fixture.deliveries.get(0).processingTime()).isEqualTo(Duration.ofMillis(250));
    }
}
