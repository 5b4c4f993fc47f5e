package io.github.calendlywebhook.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.audit.AuditEntry;
import io.github.calendlywebhook.core.delivery.Outcome;
import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.test.ConformanceSettings;
import io.github.calendlywebhook.test.SignedPayloads;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A trusted proxy's request whose forwarding headers cannot name its client is refused, never given the proxy's address. */
class ForwardingHeadersRefusalTest {

    private static final String PROXY = "127.0.0.1";
    private static final String FORGED = "for=198.51.100.1";

    private final ProcessorFixture fixture = new ProcessorFixture();

    @Test
    void refusesDisagreeingHeadersWith403AndItsOwnErrorCode() {
        WebhookProcessor processor = fixture.processor();

        WebhookResponse response = processor.process(signedViaProxy()
                .header("X-Forwarded-For", Requests.ALLOWED_CLIENT).header("Forwarded", FORGED).build());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("\"error\":\"forwarding_headers_invalid\"")
                .contains("name different clients").doesNotContain("198.51.100.1");
        assertThat(fixture.store.size()).isZero();
    }

    @Test
    void auditsTheRefusalUnderTheProxyAddress() {
        WebhookProcessor processor = fixture.processor();

        processor.process(signedViaProxy().header("X-Forwarded-For", "garbage").build());

        assertThat(fixture.audit).singleElement().satisfies(entry -> {
            assertThat(entry.outcome()).isEqualTo(Outcome.FORWARDING_HEADERS_INVALID);
            assertThat(entry.status()).isEqualTo(403);
            assertThat(entry.clientAddress()).isEqualTo(PROXY);
        });
    }

    @Test
    void refusesDisagreeingHeadersEvenWhenTheProxyItselfIsAllowed() {
        WebhookSettings loopbackAllowed = ConformanceSettings.settings().toBuilder()
                .allowedIps(List.of("203.0.113.0/24", "127.0.0.1/32")).build();
        WebhookProcessor processor = fixture.builder(loopbackAllowed).build();

        WebhookResponse response = processor.process(signedViaProxy()
                .header("X-Forwarded-For", "192.0.2.55").header("Forwarded", FORGED).build());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("forwarding_headers_invalid");
    }

    @Test
    void refusesEveryUnreadableHopTheWalkReaches() {
        WebhookProcessor processor = fixture.builder(ProcessorSettings.withoutRateLimit()).build();
        List<Requests> unreadable = List.of(
                signedViaProxy().header("X-Forwarded-For", "unknown"),
                signedViaProxy().header("X-Forwarded-For", Requests.ALLOWED_CLIENT + ", not-an-ip"),
                signedViaProxy().header("Forwarded", "for=_hidden"),
                signedViaProxy().header("Forwarded", "for=unknown"),
                signedViaProxy().header("Forwarded", "for=\"" + Requests.ALLOWED_CLIENT));

        for (Requests request : unreadable) {
            assertThat(processor.process(request.build()).status()).isEqualTo(403);
        }

        processor.flushAudit();
        assertThat(fixture.audit).extracting(AuditEntry::outcome).containsOnly(Outcome.FORWARDING_HEADERS_INVALID);
        assertThat(fixture.audit).extracting(AuditEntry::count).containsExactly(1L, 4L);
    }

    @Test
    void judgesAForgedForwardedAloneByTheAddressItNames() {
        WebhookProcessor processor = fixture.processor();

        WebhookResponse response = processor.process(signedViaProxy().header("Forwarded", FORGED).build());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("\"error\":\"forbidden\"");
        assertThat(fixture.audit).extracting(AuditEntry::clientAddress).containsExactly("198.51.100.1");
    }

    @Test
    void acceptsHeadersThatAgree() {
        WebhookProcessor processor = fixture.processor();

        WebhookResponse response = processor.process(signedViaProxy().header("X-Forwarded-For", Requests.ALLOWED_CLIENT)
                .header("Forwarded", "for=" + Requests.ALLOWED_CLIENT).build());

        assertThat(response.status()).isEqualTo(200);
    }

    private static Requests signedViaProxy() {
        return Requests.signed(SignedPayloads.inviteeCreated()).from(PROXY);
    }
}
