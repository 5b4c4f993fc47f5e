package io.github.calendlywebhook.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.calendlywebhook.core.config.WebhookSettings;
import io.github.calendlywebhook.test.ConformanceSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookProcessorBuilderTest {

    @Test
    void requiresASecret() {
        WebhookSettings settings = WebhookSettings.builder().build();

        assertThatThrownBy(() -> WebhookProcessor.builder(settings).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("calendly.webhook.secret");
    }

    @Test
    void namesTheKeyAndEntryOfABadAllowlistEntry() {
        WebhookSettings settings = ConformanceSettings.settings().toBuilder()
                .allowedIps(List.of("52.0.0.0/8", "calendly.com")).build();

        assertThatThrownBy(() -> WebhookProcessor.builder(settings).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("calendly.webhook.allowed-ips")
                .hasMessageContaining("calendly.com");
    }

    @Test
    void namesTheKeyAndEntryOfABadTrustedProxy() {
        WebhookSettings settings = ConformanceSettings.settings().toBuilder()
                .trustedProxies(List.of("10.0.0.0/33")).build();

        assertThatThrownBy(() -> WebhookProcessor.builder(settings).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("calendly.webhook.trusted-proxies")
                .hasMessageContaining("10.0.0.0/33");
    }

    @Test
    void exposesItsSettings() {
        WebhookSettings settings = ConformanceSettings.settings();

        assertThat(WebhookProcessor.builder(settings).build().settings()).isSameAs(settings);
    }

    @Test
    void allowsEveryClientWhenTheAllowlistIsEmpty() {
        ProcessorFixture fixture = new ProcessorFixture();
        WebhookProcessor processor = fixture.builder(ConformanceSettings.settings().toBuilder()
                .allowedIps(List.of()).build()).build();

        WebhookResponse response = processor.process(Requests.signed(
                io.github.calendlywebhook.test.SignedPayloads.inviteeCreated()).from("198.51.100.7").build());

        assertThat(response.status()).isEqualTo(200);
    }
}
