package io.github.calendlywebhook.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.test.ConformanceSettings;
import io.github.calendlywebhook.test.SignedPayloads;
import org.junit.jupiter.api.Test;

/** The webhook rate limit charges an IPv6 client per /64 (by default), so fresh addresses of one /64 share a bucket. */
class ClientKeyRateLimitTest {

    private final ProcessorFixture fixture = new ProcessorFixture();

    @Test
    void limitsEveryAddressOfOneSlash64AsOneClient() {
        WebhookProcessor processor = fixture.processor();
        for (int i = 1; i <= ConformanceSettings.BURST_PER_SECOND; i++) {
            assertThat(send(processor, "2001:db8:1:2::" + Integer.toHexString(i))).isEqualTo(200);
        }

        int fresh = send(processor, "2001:db8:1:2:ffff:ffff:ffff:ffff");

        assertThat(fresh).isEqualTo(429);
    }

    @Test
    void givesAnotherSlash64ItsOwnBucket() {
        WebhookProcessor processor = fixture.processor();
        for (int i = 1; i <= ConformanceSettings.BURST_PER_SECOND; i++) {
            send(processor, "2001:db8:1:2::" + Integer.toHexString(i));
        }

        assertThat(send(processor, "2001:db8:1:3::1")).isEqualTo(200);
    }

    @Test
    void keysEachAddressOnItsOwnWithPrefixLength128() {
        WebhookSettings perAddress = ConformanceSettings.settings().toBuilder().clientKeyIpv6PrefixLength(128).build();
        WebhookProcessor processor = fixture.builder(perAddress).build();
        for (int i = 1; i <= ConformanceSettings.BURST_PER_SECOND; i++) {
            send(processor, "2001:db8:1:2::" + Integer.toHexString(i));
        }

        assertThat(send(processor, "2001:db8:1:2::ff")).isEqualTo(200);
    }

    @Test
    void keepsKeyingIpv4ClientsByAddress() {
        WebhookProcessor processor = fixture.processor();
        for (int i = 1; i <= ConformanceSettings.BURST_PER_SECOND; i++) {
            send(processor, "203.0.113.50");
        }

        assertThat(send(processor, "203.0.113.51")).isEqualTo(200);
        assertThat(send(processor, "203.0.113.50")).isEqualTo(429);
    }

    private static int send(WebhookProcessor processor, String client) {
        return processor.process(Requests.signed(SignedPayloads.inviteeCreated()).from(client).build()).status();
    }
}
